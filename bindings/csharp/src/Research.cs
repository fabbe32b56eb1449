// Research tables (anonymised copies only, R13) as columns of int, with each column's type and
// categories: what the Python package gives as numpy columns, for a C# evaluation tool.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>
    /// One table ("cases", "goals", "assessments", "supply_gaps", "phases", "caseload"): anonymised copies with
    /// month-coarse dates. The columns are copied out when the table is made, so the table holds
    /// no native memory afterwards. Dates are days since 1970-01-01; categories index into
    /// <see cref="ResearchColumn.Categories"/>; <see cref="ResearchColumn.Missing"/> stands for no value.
    /// </summary>
    public sealed class ResearchTable
    {
        readonly Dictionary<string, int[]> values = new Dictionary<string, int[]>();
        readonly Dictionary<string, ResearchColumn> byName = new Dictionary<string, ResearchColumn>();

        ResearchTable(IntPtr raw)
        {
            using (var handle = new TableHandle(raw))
            {
                var schema = Json.Read<TableSchema>(Call.Text((out IntPtr o) => JmdcmNative.jmdcm_table_schema(out o, raw)));
                Name = schema.Table;
                Rows = schema.Rows;
                Columns = schema.Columns.AsReadOnly();
                for (int i = 0; i < schema.Columns.Count; ++i)
                {
                    IntPtr p;
                    UIntPtr n;
                    Call.Check(JmdcmNative.jmdcm_table_column(out p, out n, raw, (uint)i));
                    var column = new int[(int)n.ToUInt32()];
                    if (column.Length > 0) Marshal.Copy(p, column, 0, column.Length);
                    values[schema.Columns[i].Name] = column;
                    byName[schema.Columns[i].Name] = schema.Columns[i];
                }
            }
        }

        /// <summary>A table over <paramref name="count"/> seeded synthetic cases, stored nowhere.</summary>
        public static ResearchTable Synthetic(string table, int count, int seed = 1, DateTime? on = null) =>
            Synthetic(table, count, seed, on, null);

        /// <summary>As <see cref="Synthetic(string, int, int, DateTime?)"/>; <paramref name="policyJson"/> gives the
        /// "caseload" table its posts and levels (R15).</summary>
        public static ResearchTable Synthetic(string table, int count, int seed, DateTime? on, string policyJson)
        {
            var options = "{\"count\":" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                          ",\"population\":{\"seed\":" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}" +
                          (on.HasValue ? ",\"on\":\"" + Json.Iso(on.Value) + "\"" : "") +
                          (policyJson == null ? "" : ",\"policy\":" + policyJson) + "}";
            IntPtr t;
            Call.Check(JmdcmNative.jmdcm_table_synthetic(out t, table, options));
            return new ResearchTable(t);
        }

        internal static ResearchTable Take(IntPtr raw) => new ResearchTable(raw);

        public string Name { get; }
        public int Rows { get; }
        /// <summary>The columns in the library's order, with their types and categories.</summary>
        public IReadOnlyList<ResearchColumn> Columns { get; }

        /// <summary>A column's raw values (the array is the table's own: do not change it).</summary>
        public int[] Column(string name)
        {
            int[] column;
            if (!values.TryGetValue(name, out column)) throw new KeyNotFoundException($"table {Name} has no column '{name}'");
            return column;
        }

        public ResearchColumn Info(string name)
        {
            ResearchColumn info;
            if (!byName.TryGetValue(name, out info)) throw new KeyNotFoundException($"table {Name} has no column '{name}'");
            return info;
        }

        /// <summary>The category name in a category column's row, or null where it is missing.</summary>
        public string Category(string name, int row)
        {
            var info = Info(name);
            if (info.Type != "category") throw new InvalidOperationException($"column '{name}' is {info.Type}, not a category");
            int v = Column(name)[row];
            return v == info.Missing ? null : info.Categories[v];
        }

        /// <summary>The date in a date column's row, or null where it is missing.</summary>
        public DateTime? Date(string name, int row)
        {
            var info = Info(name);
            if (info.Type != "date") throw new InvalidOperationException($"column '{name}' is {info.Type}, not a date");
            int v = Column(name)[row];
            return v == info.Missing ? (DateTime?)null : new DateTime(1970, 1, 1).AddDays(v);
        }
    }

    /// <summary>A column of a research table: "int32", "boolean", "date" or "category".</summary>
    [DataContract]
    public sealed class ResearchColumn
    {
        [DataMember(Name = "name")] public string Name { get; private set; }
        [DataMember(Name = "type")] public string Type { get; private set; }
        [DataMember(Name = "missing")] public int Missing { get; private set; }
        [DataMember(Name = "categories")] List<string> categories;
        /// <summary>The names the values of a category column index (empty for other types).</summary>
        public IReadOnlyList<string> Categories => (categories ?? new List<string>()).AsReadOnly();
    }

    [DataContract]
    internal sealed class TableSchema
    {
        [DataMember(Name = "table")] public string Table;
        [DataMember(Name = "rows")] public int Rows;
        [DataMember(Name = "columns")] public List<ResearchColumn> Columns;
    }
}
