// The P/Invoke overhead of the C# binding, as a ratio against the same C ABI calls made from C
// in the same run (c_loop.c; one transition per 1000 calls there, so its cost vanishes).
// Three calls: jmdcm_abi_version (nothing but the transition), a rule with text in and out,
// and a point load from a memory store. Usage: Jmdcm.Bench [--smoke] [BenchmarkDotNet args]
using System;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jmdcm;

static class CLoop
{
    const string Lib = "jmdcm_bench_c";
    [DllImport(Lib)] public static extern int jmdcm_bench_abi_version(int n);
    [DllImport(Lib)] public static extern int jmdcm_bench_rule(int n, byte[] rule, byte[] input);
    [DllImport(Lib)] public static extern int jmdcm_bench_load(int n, IntPtr store, byte[] actor, byte[] id);
    [DllImport(Lib)] public static extern IntPtr jmdcm_bench_memory_store(byte[] actor);
    [DllImport(Lib)] public static extern void jmdcm_bench_store_free(IntPtr store);
    public static byte[] Z(string s) => System.Text.Encoding.UTF8.GetBytes(s + "\0");
}

[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
public class AbiCalls
{
    const int N = 1000;
    static readonly Actor Worker = new Actor("fachkraft-1");
    readonly byte[] rule = CLoop.Z("policy"), actor = CLoop.Z("{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}");
    byte[] caseId;
    Store store;
    IntPtr cStore;
    string id;

    [GlobalSetup]
    public void Setup()
    {
        store = Store.OpenMemory(new DateTime(2017, 1, 10));
        id = store.Samira(Worker).Id;
        caseId = CLoop.Z(id);
        cStore = CLoop.jmdcm_bench_memory_store(actor);
        if (cStore == IntPtr.Zero) throw new InvalidOperationException("the C side could not open its store");
    }

    [GlobalCleanup]
    public void Cleanup() { store.Dispose(); CLoop.jmdcm_bench_store_free(cStore); }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("abi_version")]
    public int C_AbiVersion() => CLoop.jmdcm_bench_abi_version(N);

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("abi_version")]
    public int CSharp_AbiVersion() { int s = 0; for (int i = 0; i < N; ++i) s += Library.AbiVersion; return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("rule_policy")]
    public int C_Rule() => Check(CLoop.jmdcm_bench_rule(N, rule, null));

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("rule_policy")]
    public int CSharp_Rule() { int s = 0; for (int i = 0; i < N; ++i) s += Library.Rule("policy").Length; return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("point_load")]
    public int C_Load() => Check(CLoop.jmdcm_bench_load(N, cStore, actor, caseId));

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("point_load")]
    public int CSharp_Load() { int s = 0; for (int i = 0; i < N; ++i) s += store.Load(Worker, id).Json.Length; return s; }

    static int Check(int status) => status == 0 ? 0 : throw new InvalidOperationException("status " + status);
}

static class Program
{
    static void Main(string[] args)
    {
        // In process: BenchmarkDotNet builds no project of its own (nothing to restore).
        var job = args.Contains("--smoke") ? Job.Dry : Job.ShortRun;
        var config = DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<AbiCalls>(config, args.Where(a => a != "--smoke").ToArray());
    }
}
