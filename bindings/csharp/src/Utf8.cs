// Strings cross the C ABI as UTF-8 in both directions, marshalled here by hand so that the
// result does not depend on the platform's ANSI code page (Windows) or Mono's defaults.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Jmdcm
{
    internal static class Utf8
    {
        /// <summary>NUL-terminated UTF-8 bytes; null stays null (the ABI's "default").</summary>
        public static byte[] Encode(string text)
        {
            if (text == null) return null;
            int n = Encoding.UTF8.GetByteCount(text);
            var bytes = new byte[n + 1];
            Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
            return bytes;
        }

        /// <summary>The UTF-8 text at <paramref name="p"/> (owned by whoever owns p): one pass to
        /// find the NUL, one to decode, no copy in between.</summary>
        public static unsafe string Decode(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            var bytes = (byte*)p;
            int n = 0;
            while (bytes[n] != 0) ++n;
            return n == 0 ? string.Empty : Encoding.UTF8.GetString(bytes, n);
        }

        /// <summary>Decodes a string the library handed over, and frees it.</summary>
        public static string Take(IntPtr p)
        {
            try { return Decode(p); }
            finally { Native.JmdcmNative.jmdcm_string_free(p); }
        }
    }
}
