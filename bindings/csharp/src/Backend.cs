// Storage the host provides: subclass Backend to keep the library's documents in your own
// database. The library keeps everything with meaning (access checks, the audit of every
// access, the rules every write is judged by, versions, steps, the sweep, reports); a backend
// only keeps documents and answers queries. See jmdcm/backend.h for the documents.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>
    /// Base of a host's backend. Documents cross as JSON text, to be stored as they are: a
    /// case row (<c>{"summary":{..},"substitutes":[..],"document":".."}</c>), a stored partner
    /// (<c>{"id":..,"version":n,"document":".."}</c>) and audit records. Throw
    /// <see cref="ConflictException"/> for a stale expected version and
    /// <see cref="AlreadyExistsException"/> for an insert over a stored id; any other exception
    /// becomes a storage error naming the method. Calls on one store come one at a time.
    /// </summary>
    public abstract class Backend
    {
        /// <summary>Shown in errors and in the store's capabilities.</summary>
        public virtual string Name => "csharp";
        /// <summary>An erasing put leaves no recoverable copy of the old row (R3, R13). Say false
        /// when your database keeps old rows (backups, history) and name them in ErasureGaps.</summary>
        public virtual bool Erases => true;
        public virtual string ErasureGaps => "";
        /// <summary>AppendAudit keeps the audit records; false: give the store an audit callback.</summary>
        public virtual bool KeepsAudit => true;

        public virtual void Begin(bool write) { }
        public virtual void Commit() { }
        public virtual void Rollback() { }
        /// <summary>The stored row of the case, or null.</summary>
        public abstract string GetCase(string caseId);
        /// <summary>Stores the row as <paramref name="version"/> if the stored version is
        /// <paramref name="expectedVersion"/> (0: the id must not be stored yet).</summary>
        public abstract void PutCase(string caseId, long version, long expectedVersion, string row, bool erases);
        /// <summary>The rows the query selects, ordered by id, or every row (the library filters again).</summary>
        public abstract IEnumerable<string> FindCases(string queryJson);
        public abstract IEnumerable<string> ListPartners();
        public abstract void PutPartner(string partnerId, long version, long expectedVersion, string stored);
        public virtual void AppendAudit(string record) { throw new NotSupportedException("this backend keeps no audit records"); }
        /// <summary>The audit records the query selects, oldest first, or all of them.</summary>
        public virtual IEnumerable<string> AuditRecords(string queryJson) { return new string[0]; }
        public virtual bool ErasurePending() { return false; }
    }

    /// <summary>The struct of callbacks jmdcm/backend.h describes, over a Backend. Kept alive by a
    /// GCHandle in user_data until the library calls destroy.</summary>
    internal sealed class BackendBridge
    {
        [StructLayout(LayoutKind.Sequential)]
        struct NativeBackend
        {
            public uint version;
            public IntPtr user_data, name;
            public uint flags;
            public IntPtr erasure_gaps;
            public IntPtr begin, commit, rollback, get_case, put_case, find_cases, list_partners, put_partner,
                          append_audit, audit_records, erasure_pending, destroy;
        }

        [StructLayout(LayoutKind.Sequential)]
        struct NativeHooks
        {
            public uint version;
            public IntPtr user_data, audit, today;
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int Begin(IntPtr u, int write);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int NoArgument(IntPtr u);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void Notice(IntPtr u);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int Lookup(IntPtr u, IntPtr text, IntPtr reply);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int List(IntPtr u, IntPtr reply);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int PutCaseFn(IntPtr u, IntPtr id, long version, long expected, IntPtr row, int erases);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int PutPartnerFn(IntPtr u, IntPtr id, long version, long expected, IntPtr stored);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int Write(IntPtr u, IntPtr text);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void Record(IntPtr u, IntPtr text);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int Today(IntPtr u, IntPtr date);

        const uint BackendVersion = 1, HooksVersion = 1, Erases = 1, KeepsAudit = 2;

        readonly Backend backend;
        readonly Action<string> audit;
        readonly List<Delegate> alive = new List<Delegate>();   // the delegates behind the function pointers
        GCHandle self;

        BackendBridge(Backend backend, Action<string> audit)
        {
            this.backend = backend ?? throw new ArgumentNullException(nameof(backend));
            this.audit = audit;
        }

        IntPtr Pointer(Delegate d)
        {
            alive.Add(d);
            return Marshal.GetFunctionPointerForDelegate(d);
        }

        /// <summary>Runs one callback: an exception becomes its status (a JmdcmException's own,
        /// else storage) with the exception's type and message; nothing unwinds into C.</summary>
        internal static int Guard(Func<int> body)
        {
            try { return body(); }
            catch (JmdcmException e) { Say(e.GetType().Name + ": " + e.Message); return (int)e.Status; }
            catch (Exception e) { Say(e.GetType().Name + ": " + e.Message); return (int)jmdcm_status.JMDCM_STORAGE; }
        }

        static void Say(string message)
        {
            try { JmdcmNative.jmdcm_error_set(message); } catch { /* the status still tells */ }
        }

        static int AddAll(IntPtr reply, IEnumerable<string> answers)
        {
            if (answers == null) return 0;
            foreach (var a in answers)
            {
                var status = JmdcmNative.jmdcm_reply_add(reply, a);  // null: refused as a NULL answer
                if (status != jmdcm_status.JMDCM_OK) return (int)status;
            }
            return 0;
        }

        static BackendBridge Of(IntPtr u) => (BackendBridge)GCHandle.FromIntPtr(u).Target;

        /// <summary>Opens a store over <paramref name="backend"/>; the library copies the structs.</summary>
        internal static jmdcm_status Open(out IntPtr store, Backend backend, Action<string> audit, string options)
        {
            var bridge = new BackendBridge(backend, audit);
            bridge.self = GCHandle.Alloc(bridge);
            IntPtr user = GCHandle.ToIntPtr(bridge.self);
            IntPtr name = IntPtr.Zero, gaps = IntPtr.Zero, b = IntPtr.Zero, h = IntPtr.Zero;
            bool handedOver = false;
            try
            {
                name = Copy(backend.Name ?? "csharp");
                gaps = Copy(backend.ErasureGaps ?? "");
                var nb = new NativeBackend
                {
                    version = BackendVersion, user_data = user, name = name, erasure_gaps = gaps,
                    flags = (backend.Erases ? Erases : 0) | (backend.KeepsAudit ? KeepsAudit : 0),
                    begin = bridge.Pointer(new Begin((u, w) => Guard(() => { Of(u).backend.Begin(w != 0); return 0; }))),
                    commit = bridge.Pointer(new NoArgument(u => Guard(() => { Of(u).backend.Commit(); return 0; }))),
                    rollback = bridge.Pointer(new Notice(u => Guard(() => { Of(u).backend.Rollback(); return 0; }))),
                    get_case = bridge.Pointer(new Lookup((u, id, reply) => Guard(() =>
                    {
                        var row = Of(u).backend.GetCase(Utf8.Decode(id));
                        return row == null ? 0 : (int)JmdcmNative.jmdcm_reply_add(reply, row);
                    }))),
                    put_case = bridge.Pointer(new PutCaseFn((u, id, v, e, row, erases) => Guard(() =>
                    {
                        Of(u).backend.PutCase(Utf8.Decode(id), v, e, Utf8.Decode(row), erases != 0);
                        return 0;
                    }))),
                    find_cases = bridge.Pointer(new Lookup((u, q, reply) => Guard(() => AddAll(reply, Of(u).backend.FindCases(Utf8.Decode(q)))))),
                    list_partners = bridge.Pointer(new List((u, reply) => Guard(() => AddAll(reply, Of(u).backend.ListPartners())))),
                    put_partner = bridge.Pointer(new PutPartnerFn((u, id, v, e, stored) => Guard(() =>
                    {
                        Of(u).backend.PutPartner(Utf8.Decode(id), v, e, Utf8.Decode(stored));
                        return 0;
                    }))),
                    erasure_pending = bridge.Pointer(new NoArgument(u =>
                    {
                        int pending = 0;
                        Guard(() => { pending = Of(u).backend.ErasurePending() ? 1 : 0; return 0; });
                        return pending;
                    })),
                    destroy = bridge.Pointer(new Notice(u => Of(u).self.Free())),
                };
                if (backend.KeepsAudit)
                {
                    nb.append_audit = bridge.Pointer(new Write((u, r) => Guard(() => { Of(u).backend.AppendAudit(Utf8.Decode(r)); return 0; })));
                    nb.audit_records = bridge.Pointer(new Lookup((u, q, reply) => Guard(() => AddAll(reply, Of(u).backend.AuditRecords(Utf8.Decode(q))))));
                }
                b = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(NativeBackend)));
                Marshal.StructureToPtr(nb, b, false);
                var hooks = new NativeHooks { version = HooksVersion, user_data = user };
                if (audit != null)
                    hooks.audit = bridge.Pointer(new Record((u, r) => Guard(() => { Of(u).audit(Utf8.Decode(r)); return 0; })));
                h = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(NativeHooks)));
                Marshal.StructureToPtr(hooks, h, false);
                handedOver = true;  // from here on the library calls destroy, which frees `self`, also on failure
                return JmdcmNative.jmdcm_store_open_backend(out store, b, h, options);
            }
            finally
            {
                if (!handedOver) bridge.self.Free();
                if (name != IntPtr.Zero) Marshal.FreeHGlobal(name);
                if (gaps != IntPtr.Zero) Marshal.FreeHGlobal(gaps);
                if (b != IntPtr.Zero) Marshal.FreeHGlobal(b);
                if (h != IntPtr.Zero) Marshal.FreeHGlobal(h);
            }
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
