/* SWIG interface: the P/Invoke layer of Jmdcm.Native, generated from the C ABI header
 * (preprocessed first, for the export macros). The layer is internal: the public API is
 * the hand-written Jmdcm namespace, which shows strings, never byte[] or IntPtr. */
%module JmdcmNative

%{
#include "jmdcm/keys.h"
%}

%include <stdint.i>

%pragma(csharp) moduleclassmodifiers="internal class"
%typemap(csclassmodifiers) enum SWIGTYPE "internal enum"
%typemap(csclassmodifiers) SWIGTYPE, SWIGTYPE *, SWIGTYPE &, SWIGTYPE [] "internal class"

/* Text, converted once here (in the style of GDAL's csharp_strings.i): a C# string in is
 * NUL-terminated UTF-8 bytes (Jmdcm.Utf8.Encode), on Windows too, with no ANSI code page; a
 * `const char *` returned is the library's own static text, decoded as UTF-8. Text the
 * host must free comes back through `char **` (below) and is taken by Jmdcm.Utf8.Take. */
%typemap(ctype, out="const char *") const char * "const char *"
%typemap(imtype, out="global::System.IntPtr") const char * "byte[]"
%typemap(cstype, out="string") const char * "string"
%typemap(csin) const char * "global::Jmdcm.Utf8.Encode($csinput)"
%typemap(in) const char * %{ $1 = ($1_ltype)$input; %}
%typemap(out) const char * %{ $result = $1; %}
%typemap(csout, excode=SWIGEXCODE) const char * { return global::Jmdcm.Utf8.Decode($imcall); }

/* Out-parameters (char **, handle **, const int32_t **, size_t *): `out` IntPtr/UIntPtr. */
%define JMDCM_OUT(CTYPE, CSTYPE)
%typemap(ctype) CTYPE "CTYPE"
%typemap(imtype) CTYPE "out CSTYPE"
%typemap(cstype) CTYPE "out CSTYPE"
%typemap(csin) CTYPE "out $csinput"
%typemap(in) CTYPE %{ $1 = ($1_ltype)$input; %}
%enddef
JMDCM_OUT(char **, global::System.IntPtr)
JMDCM_OUT(jmdcm_store **, global::System.IntPtr)
JMDCM_OUT(jmdcm_table **, global::System.IntPtr)
JMDCM_OUT(const int32_t **, global::System.IntPtr)
JMDCM_OUT(size_t *, global::System.UIntPtr)

/* Handles and strings the host frees: IntPtr (wrapped in SafeHandles by Jmdcm). */
%define JMDCM_POINTER(CTYPE)
%typemap(ctype) CTYPE "CTYPE"
%typemap(imtype) CTYPE "global::System.IntPtr"
%typemap(cstype) CTYPE "global::System.IntPtr"
%typemap(csin) CTYPE "$csinput"
%typemap(in) CTYPE %{ $1 = ($1_ltype)$input; %}
%enddef
JMDCM_POINTER(jmdcm_store *)
JMDCM_POINTER(const jmdcm_table *)
JMDCM_POINTER(jmdcm_table *)
JMDCM_POINTER(char *)
/* Callbacks and their payloads: function pointers from Marshal.GetFunctionPointerForDelegate. */
JMDCM_POINTER(void *)
JMDCM_POINTER(jmdcm_transaction_body)
/* A host's backend: the structs are laid out by Jmdcm (Backend.cs) in unmanaged memory, so
 * SWIG passes pointers only and makes no proxy classes of them. */
JMDCM_POINTER(const jmdcm_backend *)
JMDCM_POINTER(jmdcm_backend *)
JMDCM_POINTER(const jmdcm_hooks *)
JMDCM_POINTER(jmdcm_reply *)
/* The thread's last error, returned as a pointer and read field by field by Jmdcm (Call.cs). */
%typemap(ctype, out="const jmdcm_error *") const jmdcm_error * "const jmdcm_error *"
%typemap(imtype, out="global::System.IntPtr") const jmdcm_error * "global::System.IntPtr"
%typemap(cstype, out="global::System.IntPtr") const jmdcm_error * "global::System.IntPtr"
%typemap(out) const jmdcm_error * %{ $result = $1; %}
%typemap(csout, excode=SWIGEXCODE) const jmdcm_error * { return $imcall; }
%ignore jmdcm_error;
%ignore jmdcm_backend;
%ignore jmdcm_hooks;
/* The host's KEK (keys.h): laid out by Jmdcm (Kek.cs) like the backend. Key bytes cross as
 * byte[] (pinned: jmdcm_kek_generate writes into the caller's array). */
JMDCM_POINTER(const jmdcm_kek *)
JMDCM_POINTER(jmdcm_kek *)
%ignore jmdcm_kek;
%typemap(ctype) const unsigned char * "const unsigned char *"
%typemap(imtype) const unsigned char * "byte[]"
%typemap(cstype) const unsigned char * "byte[]"
%typemap(csin) const unsigned char * "$csinput"
%typemap(in) const unsigned char * %{ $1 = ($1_ltype)$input; %}
%typemap(ctype) unsigned char [ANY] "unsigned char *"
%typemap(imtype) unsigned char [ANY] "byte[]"
%typemap(cstype) unsigned char [ANY] "byte[]"
%typemap(csin) unsigned char [ANY] "$csinput"
%typemap(in) unsigned char [ANY] %{ $1 = ($1_ltype)$input; %}

%include "jmdcm_swig.h"
