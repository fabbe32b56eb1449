// The one place where statuses become exceptions and library strings become C# strings.
using System;
using System.Runtime.InteropServices;
using Jmdcm.Native;

namespace Jmdcm
{
    internal delegate jmdcm_status TextCall(out IntPtr text);

    internal static class Call
    {
        public static void Check(jmdcm_status status)
        {
            if (status == jmdcm_status.JMDCM_OK) return;
            // Read on the same thread, right after the call: the error belongs to it.
            var e = Marshal.PtrToStructure<NativeError>(JmdcmNative.jmdcm_error_last());
            throw JmdcmException.Create((Status)(int)status, Utf8.Decode(e.message), Utf8.Decode(e.rule), Utf8.Decode(e.field));
        }

        /// <summary>jmdcm_error of jmdcm.h, field for field (the library owns the strings).</summary>
        [StructLayout(LayoutKind.Sequential)]
        struct NativeError
        {
            public jmdcm_status status;
            public IntPtr message;
            public IntPtr rule;
            public IntPtr field;
            public IntPtr detail;
        }

        /// <summary>Runs a call that answers with a string the host owns; frees it.</summary>
        public static string Text(TextCall call)
        {
            IntPtr text;
            Check(call(out text));
            return Utf8.Take(text);
        }
    }
}
