using System;
using System.Collections.Generic;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>
    /// A case store: in memory, a SQLite file (WAL, audited, real erasure), or the host's own
    /// storage (<see cref="Backend"/>). Every call
    /// names its actor. Dispose it (using); disposing twice is harmless. One store may be
    /// used from several threads: the native store serialises the calls, or spreads them
    /// over its connections (<see cref="OpenPostgres"/>'s poolSize).
    /// </summary>
    public sealed class Store : IDisposable
    {
        readonly StoreHandle handle;

        Store(IntPtr h) { handle = new StoreHandle(h); }

        /// <param name="today">The day access rules are checked for (default: the system's).</param>
        public static Store OpenMemory(DateTime? today = null)
        {
            IntPtr h;
            Call.Check(JmdcmNative.jmdcm_store_open_memory(out h, Options(today, null)));
            return new Store(h);
        }

        /// <summary>Opens or creates a SQLite file. With <paramref name="kek"/> each case's
        /// personal data is sealed under a key of its own, kept wrapped by the KEK in the key
        /// store file <paramref name="keyStore"/> (default: path + ".keys"); an anonymisation
        /// destroys the key, so older copies of the file stop yielding the person.</summary>
        public static Store OpenSqlite(string path, DateTime? today = null, bool? readOnly = null, Kek kek = null, string keyStore = null)
        {
            IntPtr h;
            var options = Options(today, readOnly);
            if (keyStore != null) options = With(options, "\"key_store\":" + Json.Write(keyStore));
            if (kek == null)
            {
                Call.Check(JmdcmNative.jmdcm_store_open_sqlite(out h, path, options));
                return new Store(h);
            }
            var k = KekBridge.Struct(kek);
            try { Call.Check(JmdcmNative.jmdcm_store_open_sqlite_sealed(out h, path, k, options)); }   // destroys the KEK once, also on failure
            finally { System.Runtime.InteropServices.Marshal.FreeHGlobal(k); }
            return new Store(h);
        }

        /// <summary>Converts a store opened with a KEK (administrators only): seals every case
        /// stored in clear and erases its clear bytes. Returns how many.</summary>
        public int SealAll(Actor actor) =>
            Json.Read<SealReport>(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_seal_all(out o, h, actor.Document))).Sealed;

        /// <summary>A store on a PostgreSQL server (a libpq connection string or postgresql:// URI;
        /// TLS settings pass through). Erasure there does not reach WAL archives, backups or
        /// replicas: <see cref="Capabilities"/> says so.</summary>
        /// <param name="conninfo">The server, its database and the role; TLS settings pass through.</param>
        /// <param name="today">The day access rules are checked for (default: the system's).</param>
        /// <param name="poolSize">Connections (default 1), opened as calls from that many threads run at once.</param>
        /// <param name="kek">With it, each case's personal data is sealed under a key of its own (see <see cref="Kek"/>).</param>
        /// <param name="keyStore">The schema of the key store (default "jmdcm_keys").</param>
        public static Store OpenPostgres(string conninfo, DateTime? today = null, int? poolSize = null, Kek kek = null, string keyStore = null)
        {
            IntPtr h;
            var options = Options(today, null);
            if (poolSize.HasValue) options = With(options, "\"pool_size\":" + poolSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (keyStore != null) options = With(options, "\"key_store\":" + Json.Write(keyStore));
            if (kek == null)
            {
                Call.Check(JmdcmNative.jmdcm_store_open_postgres(out h, conninfo, options));
                return new Store(h);
            }
            var k = KekBridge.Struct(kek);
            try { Call.Check(JmdcmNative.jmdcm_store_open_postgres_sealed(out h, conninfo, k, options)); }   // destroys the KEK once
            finally { System.Runtime.InteropServices.Marshal.FreeHGlobal(k); }
            return new Store(h);
        }

        static string With(string options, string member) =>
            options == null ? "{" + member + "}" : options.Substring(0, options.Length - 1) + "," + member + "}";

        /// <summary>A store over the host's own storage (a <see cref="Backend"/> subclass). The
        /// library keeps the rules and the audit; <paramref name="audit"/> receives every audit
        /// record's JSON after its transaction (required when the backend keeps none).</summary>
        public static Store OpenBackend(Backend backend, DateTime? today = null, Action<string> audit = null)
        {
            IntPtr h;
            Call.Check(BackendBridge.Open(out h, backend, audit, Options(today, null)));
            return new Store(h);
        }

        /// <summary>What the store's storage can promise (erasure above all, R3/R13).</summary>
        public StoreCapabilities Capabilities() =>
            Json.Read<StoreCapabilities>(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_capabilities(out o, h)));

        static string Options(DateTime? today, bool? readOnly)
        {
            var parts = new List<string>();
            if (today.HasValue) parts.Add("\"today\":\"" + Json.Iso(today.Value) + "\"");
            if (readOnly.HasValue) parts.Add("\"read_only\":" + (readOnly.Value ? "true" : "false"));
            return parts.Count == 0 ? null : "{" + string.Join(",", parts) + "}";
        }

        public void Dispose() { handle.Dispose(); }

        string Text(Func<IntPtr, TextCall> call)
        {
            return HandleUse.With(handle, nameof(Store), h => Call.Text(call(h)));
        }

        public Case Create(Actor actor, Case c) =>
            Case.FromLibrary(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_case_create(out o, h, actor.Document, c.Json)));

        /// <summary>Stores new cases all or none (an import), each judged and audited as
        /// <see cref="Create"/> does; on a server in batches. Returns how many were created.</summary>
        public int CreateAll(Actor actor, IEnumerable<Case> cases)
        {
            var docs = "[" + string.Join(",", System.Linq.Enumerable.Select(cases, c => c.Json)) + "]";
            var report = Text(h => (out IntPtr o) => JmdcmNative.jmdcm_case_create_all(out o, h, actor.Document, docs));
            return Json.Read<CreateAllReport>(report).Created;
        }

        public Case Load(Actor actor, string caseId) =>
            Case.FromLibrary(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_case_load(out o, h, actor.Document, caseId)));

        /// <summary>Saves a changed case; <see cref="ConflictException"/> when it changed meanwhile.</summary>
        public Case Save(Actor actor, Case c) =>
            Case.FromLibrary(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_case_save(out o, h, actor.Document, c.Json)));

        /// <summary>Applies one step of the method (a name of <see cref="Steps"/>) to a stored case in one
        /// transaction: load, access check, the step's rule, save. <paramref name="expectedVersion"/> 0
        /// means the stored one; another value is an optimistic check (<see cref="ConflictException"/>).</summary>
        public Case Step(Actor actor, string caseId, string step, string inputJson, long expectedVersion = 0, string policyJson = null) =>
            Case.FromLibrary(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_step(out o, h, actor.Document, caseId, expectedVersion,
                                                                               step, inputJson, policyJson)));

        /// <summary>The audit trail, oldest first, without values (GDPR Art. 15: who looked at the file).
        /// Administrators and team leads see all records, a case worker those of one of their cases.</summary>
        public List<AuditRecord> Audit(Actor actor, string caseId = null, string actorId = null, DateTime? from = null,
                                       DateTime? to = null, int limit = 0)
        {
            var parts = new List<string>();
            if (caseId != null) parts.Add("\"case_id\":" + Json.Write(caseId));
            if (actorId != null) parts.Add("\"actor\":" + Json.Write(actorId));
            if (from.HasValue) parts.Add("\"from\":\"" + Json.Iso(from.Value) + "\"");
            if (to.HasValue) parts.Add("\"to\":\"" + Json.Iso(to.Value) + "\"");
            if (limit > 0) parts.Add("\"limit\":" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string query = "{" + string.Join(",", parts) + "}";
            return Json.Read<List<AuditRecord>>(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_audit(out o, h, actor.Document, query)));
        }

        /// <summary>Summaries of the cases visible to the actor; queryJson as in jmdcm.h.</summary>
        public List<CaseSummary> Query(Actor actor, string queryJson = null) =>
            Json.Read<List<CaseSummary>>(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_case_query(out o, h, actor.Document, queryJson)));

        /// <summary>Runs the handbook's worked example (Samira) into the store.</summary>
        public Case Samira(Actor actor) =>
            Case.FromLibrary(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_example_samira(out o, h, actor.Document)));

        /// <summary>R13 retention sweep for a day (administrators); the report as JSON.</summary>
        public string Sweep(Actor actor, DateTime on, string policyJson = null) =>
            Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_sweep(out o, h, actor.Document, Json.Iso(on), policyJson));

        /// <summary>R14 report on a stored case (team lead or its case worker).</summary>
        public RequirementsReport Requirements(Actor actor, string caseId) =>
            Json.Read<RequirementsReport>(Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_requirements(out o, h, actor.Document, caseId)));

        /// <summary>Anonymises a case at once, on disk (administrators).</summary>
        public void Anonymise(Actor actor, string caseId, DateTime on)
        {
            HandleUse.With(handle, nameof(Store), h =>
            {
                Call.Check(JmdcmNative.jmdcm_store_anonymise_case(h, actor.Document, caseId, Json.Iso(on)));
                return 0;
            });
        }

        /// <summary>R12/R15 statistics with cell suppression (below <paramref name="minCell"/>), as JSON.</summary>
        public string Statistics(Actor actor, DateTime on, int minCell = 3) =>
            Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_statistics(out o, h, actor.Document,
                "{\"on\":\"" + Json.Iso(on) + "\",\"min_cell\":" + minCell.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));

        /// <summary>R13: a research table ("cases", "goals", "assessments", "supply_gaps", "phases", "caseload") over
        /// the cases the actor may see, as anonymised copies as of <paramref name="on"/>.</summary>
        public ResearchTable ExportTable(Actor actor, string table, DateTime on) => ExportTable(actor, table, on, null);

        /// <summary>As <see cref="ExportTable(Actor, string, DateTime)"/>; <paramref name="policyJson"/> gives the
        /// "caseload" table its posts and levels (R15), else the store's policy holds.</summary>
        public ResearchTable ExportTable(Actor actor, string table, DateTime on, string policyJson) =>
            HandleUse.With(handle, nameof(Store), h =>
            {
                IntPtr t;
                var options = "{\"on\":\"" + Json.Iso(on) + "\"" + (policyJson == null ? "" : ",\"policy\":" + policyJson) + "}";
                Call.Check(JmdcmNative.jmdcm_table_export(out t, h, actor.Document, table, options));
                return ResearchTable.Take(t);
            });

        /// <summary>R12/R15 statistics as typed cross-tabs (<see cref="Statistics"/>).</summary>
        public Statistics StatisticsReport(Actor actor, DateTime on, int minCell = 3) =>
            Json.Read<Statistics>(Statistics(actor, on, minCell));

        /// <summary>R15: running cases per case worker with the policy's level, as JSON.</summary>
        public string Caseload(Actor actor, string policyJson = null) =>
            Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_caseload(out o, h, actor.Document, policyJson));

        // ------------------------------------------------------------ system level (R12, agenda, documents)

        /// <summary>One of the store's system-level requests by name (Library.RequestNames()); the answer as JSON.</summary>
        public string Request(Actor actor, string request, string inputJson = null, string policyJson = null) =>
            Text(h => (out IntPtr o) => JmdcmNative.jmdcm_store_request(out o, h, actor.Document, request,
                                                                         inputJson, policyJson));

        /// <summary>R12: creates (version 0) or updates a network partner; the stored partner as JSON.</summary>
        public string SavePartner(Actor actor, string partnerJson) => Request(actor, "save_partner", partnerJson);

        /// <summary>R12: the network map on a day, as JSON.</summary>
        public string NetworkMap(Actor actor, DateTime on) => Request(actor, "network_map", "{\"on\":\"" + Json.Iso(on) + "\"}");

        /// <summary>R12: the minimum requirements on the system level on a day (network map kept,
        /// yearly cooperation review, supply gaps passed on, working groups attended), as JSON.</summary>
        public string SystemRequirements(Actor actor, DateTime on) =>
            Request(actor, "system_requirements", "{\"on\":\"" + Json.Iso(on) + "\"}");

        /// <summary>The actor's agenda from <paramref name="from"/> to <paramref name="to"/>, widened by
        /// <paramref name="toleranceDays"/> on each side.</summary>
        public List<AgendaItem> Agenda(Actor actor, DateTime from, DateTime to, int toleranceDays = 0) =>
            Json.Read<AgendaDocument>(Request(actor, "agenda", "{\"from\":\"" + Json.Iso(from) + "\",\"to\":\"" + Json.Iso(to) +
                "\",\"tolerance_days\":" + toleranceDays.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")).Items;

        /// <summary>R9: the stored case's plan as an HTML document to print and hand over.</summary>
        public string RenderPlan(Actor actor, string caseId, Language language = Language.De) =>
            Json.Read<string>(Request(actor, "render_plan", Library.DocumentInput("case_id", Json.Write(caseId), language)));

        /// <summary>R7: the stored case's assessment as an SVG radar chart.</summary>
        public string RadarChart(Actor actor, string caseId, Language language = Language.De) =>
            Json.Read<string>(Request(actor, "radar_chart", Library.DocumentInput("case_id", Json.Write(caseId), language)));
    }
}
