// The one place where statuses become exceptions and library strings become C# strings.
using System;
using Jmdcm.Native;

namespace Jmdcm
{
    internal delegate jmdcm_status TextCall(out IntPtr text);

    internal static class Call
    {
        public static void Check(jmdcm_status status)
        {
            if (status == jmdcm_status.JMDCM_OK) return;
            // Read on the same thread, right after the call: the message belongs to it.
            throw JmdcmException.Create(status, Utf8.Decode(JmdcmNative.jmdcm_last_error()));
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
