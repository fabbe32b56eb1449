// SafeHandles: the runtime frees native handles exactly once, also when a host forgets
// Dispose (finalisation), and never while a call on them is still running.
using System;
using System.Runtime.InteropServices;
using Jmdcm.Native;

namespace Jmdcm
{
    internal sealed class StoreHandle : SafeHandle
    {
        public StoreHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { JmdcmNative.jmdcm_store_free(handle); return true; }
    }

    internal sealed class TableHandle : SafeHandle
    {
        public TableHandle(IntPtr h) : base(IntPtr.Zero, true) { SetHandle(h); }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { JmdcmNative.jmdcm_table_free(handle); return true; }
    }

    internal static class HandleUse
    {
        /// <summary>Runs <paramref name="body"/> with the raw handle, holding a reference so it
        /// cannot be released meanwhile; ObjectDisposedException once disposed.</summary>
        public static T With<T>(SafeHandle h, string owner, Func<IntPtr, T> body)
        {
            if (h.IsClosed) throw new ObjectDisposedException(owner);
            bool added = false;
            try
            {
                h.DangerousAddRef(ref added);
                return body(h.DangerousGetHandle());
            }
            catch (ObjectDisposedException) { throw new ObjectDisposedException(owner); }
            finally { if (added) h.DangerousRelease(); }
        }
    }
}
