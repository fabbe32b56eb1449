// The host's key-encryption key for per-case keys (jmdcm/keys.h, issue 19): a store opened
// with one seals each case's personal data under a key of its own, kept wrapped by the KEK in
// a key store apart from the data; an anonymisation destroys the case's key, so that older
// copies of the case (backups included) stop opening.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>
    /// A key-encryption key. <see cref="Local"/> gives one for 32 bytes the host holds (a key
    /// file); subclass it for an OS keystore or a KMS: <see cref="Wrap"/> and
    /// <see cref="Unwrap"/> are called from any thread, one at a time. Throw
    /// <see cref="KeyInvalidException"/> when a wrapped key is not yours for that case.
    /// </summary>
    public abstract class Kek
    {
        /// <summary>Names the KEK, so that rotation knows which keys it wrapped.</summary>
        public abstract string Id { get; }
        /// <summary>The wrapped form (printable text) of a 32-byte case key for <paramref name="caseId"/>.</summary>
        public abstract string Wrap(string caseId, byte[] key);
        /// <summary>The 32-byte key <paramref name="wrapped"/> holds.</summary>
        public abstract byte[] Unwrap(string caseId, string wrapped);

        /// <summary>A KEK of 32 bytes the library keeps (and wipes when the store goes).</summary>
        public static Kek Local(string id, byte[] key) => new LocalKek(id, key);

        /// <summary>32 random bytes (libsodium) for a new key file.</summary>
        public static byte[] Generate()
        {
            var key = new byte[32];
            Call.Check(JmdcmNative.jmdcm_kek_generate(key));
            return key;
        }

        /// <summary>Re-wraps every case key in the key store file that <paramref name="from"/>
        /// wrapped under <paramref name="to"/>, all or none, without touching any case. Returns how many.</summary>
        public static int Rotate(string keyStore, Kek from, Kek to) =>
            Rotated(from, to, (a, b) => { IntPtr r; Call.Check(JmdcmNative.jmdcm_keys_rotate(out r, keyStore, a, b)); return r; });

        /// <summary>As <see cref="Rotate"/>, for the key store in schema <paramref name="keyStore"/>
        /// (null: "jmdcm_keys") of the PostgreSQL database <paramref name="conninfo"/> names, in one transaction.</summary>
        public static int RotatePostgres(string conninfo, Kek from, Kek to, string keyStore = null) =>
            Rotated(from, to, (a, b) =>
            {
                IntPtr r;
                Call.Check(JmdcmNative.jmdcm_keys_rotate_postgres(out r, conninfo, keyStore, a, b));
                return r;
            });

        // Both KEKs become jmdcm_kek structs the call destroys; the first is released when the second fails.
        private static int Rotated(Kek from, Kek to, Func<IntPtr, IntPtr, IntPtr> call)
        {
            if (from == null) throw new ArgumentNullException(nameof(from));
            if (to == null) throw new ArgumentNullException(nameof(to));
            var a = KekBridge.Struct(from);
            IntPtr b;
            try { b = KekBridge.Struct(to); }
            catch { KekBridge.Release(a); throw; }
            try
            {
                return Json.Read<RotateReport>(Utf8.Take(call(a, b))).Rewrapped;   // destroys both
            }
            finally
            {
                Marshal.FreeHGlobal(a);
                Marshal.FreeHGlobal(b);
            }
        }
    }

    internal sealed class LocalKek : Kek
    {
        readonly string id;
        internal readonly byte[] Key;
        internal LocalKek(string id, byte[] key)
        {
            if (key == null || key.Length != 32) throw new ArgumentException("a local KEK is 32 bytes", nameof(key));
            this.id = id ?? throw new ArgumentNullException(nameof(id));
            Key = (byte[])key.Clone();
        }
        public override string Id => id;
        public override string Wrap(string caseId, byte[] key) => throw new NotSupportedException("the library wraps with a local KEK");
        public override byte[] Unwrap(string caseId, string wrapped) => throw new NotSupportedException("the library unwraps with a local KEK");
    }

    /// <summary>The struct jmdcm/keys.h describes, over a Kek, in unmanaged memory; the Kek is
    /// kept alive by a GCHandle in user_data until the library calls destroy.</summary>
    internal sealed class KekBridge
    {
        [StructLayout(LayoutKind.Sequential)]
        struct NativeKek
        {
            public uint version;
            public IntPtr user_data, id, wrap, unwrap, destroy;
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int WrapFn(IntPtr u, IntPtr caseId, IntPtr key, IntPtr reply);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int UnwrapFn(IntPtr u, IntPtr caseId, IntPtr wrapped, IntPtr key);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void Notice(IntPtr u);

        const uint KekVersion = 1;
        const int KeyBytes = 32;

        readonly Kek kek;
        readonly List<Delegate> alive = new List<Delegate>();
        IntPtr id;
        GCHandle self;

        KekBridge(Kek kek) { this.kek = kek; }

        IntPtr Pointer(Delegate d)
        {
            alive.Add(d);
            return Marshal.GetFunctionPointerForDelegate(d);
        }

        static KekBridge Of(IntPtr u) => (KekBridge)GCHandle.FromIntPtr(u).Target;

        /// <summary>The filled struct (free it with Marshal.FreeHGlobal after the call it is
        /// handed to, which copies it and owns what it holds).</summary>
        internal static IntPtr Struct(Kek kek)
        {
            if (kek == null) throw new ArgumentNullException(nameof(kek));
            var p = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(NativeKek)));
            var local = kek as LocalKek;
            if (local != null)
            {
                var status = JmdcmNative.jmdcm_kek_local(p, local.Id, local.Key, (uint)local.Key.Length);
                if (status != jmdcm_status.JMDCM_OK) Marshal.FreeHGlobal(p);
                Call.Check(status);
                return p;
            }
            var bridge = new KekBridge(kek);
            bridge.self = GCHandle.Alloc(bridge);
            bridge.id = Copy(kek.Id ?? "");
            var nk = new NativeKek
            {
                version = KekVersion, user_data = GCHandle.ToIntPtr(bridge.self), id = bridge.id,
                wrap = bridge.Pointer(new WrapFn((u, c, key, reply) => BackendBridge.Guard(() =>
                {
                    var bytes = new byte[KeyBytes];
                    Marshal.Copy(key, bytes, 0, KeyBytes);
                    try { return (int)JmdcmNative.jmdcm_reply_add(reply, Of(u).kek.Wrap(Utf8.Decode(c), bytes)); }
                    finally { Array.Clear(bytes, 0, bytes.Length); }
                }))),
                unwrap = bridge.Pointer(new UnwrapFn((u, c, wrapped, key) => BackendBridge.Guard(() =>
                {
                    var bytes = Of(u).kek.Unwrap(Utf8.Decode(c), Utf8.Decode(wrapped));
                    if (bytes == null || bytes.Length != KeyBytes) throw new KeyInvalidException("Unwrap must answer 32 bytes");
                    Marshal.Copy(bytes, 0, key, KeyBytes);
                    Array.Clear(bytes, 0, bytes.Length);
                    return 0;
                }))),
                destroy = bridge.Pointer(new Notice(u => Release(Of(u)))),
            };
            Marshal.StructureToPtr(nk, p, false);
            return p;
        }

        /// <summary>What destroy does, for a struct the library never took.</summary>
        internal static void Release(IntPtr p)
        {
            var nk = (NativeKek)Marshal.PtrToStructure(p, typeof(NativeKek));
            if (nk.destroy != IntPtr.Zero && nk.user_data != IntPtr.Zero)
            {
                var local = nk.user_data;
                var destroy = (Notice)Marshal.GetDelegateForFunctionPointer(nk.destroy, typeof(Notice));
                destroy(local);
            }
            Marshal.FreeHGlobal(p);
        }

        static void Release(KekBridge b)
        {
            if (b.id != IntPtr.Zero) Marshal.FreeHGlobal(b.id);
            b.id = IntPtr.Zero;
            b.self.Free();
        }

        static IntPtr Copy(string text)
        {
            var bytes = Utf8.Encode(text);
            var p = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, p, bytes.Length);
            return p;
        }
    }
}
