// The worked example (Samira) from C#: runs it into a SQLite file, reads it back, shows
// the R14 report and a step the rules refuse. Usage: dotnet run -- [store.sqlite]
using System;
using Jmdcm;

static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine($"jmdcm {Library.Version} (ABI {Library.AbiVersion})");
        var worker = new Actor("fachkraft-1");
        using (var store = args.Length > 0 ? Store.OpenSqlite(args[0]) : Store.OpenMemory())
        {
            var samira = store.Samira(worker);
            Console.WriteLine($"{samira.Id}: {samira.Phase}, opened {samira.Opened:yyyy-MM-dd}, " +
                              $"closed {samira.Closed:yyyy-MM-dd} ({samira.ClosureReason})");
            var report = store.Requirements(new Actor("teamleitung", Role.TeamLead), samira.Id);
            Console.WriteLine($"R14: {report.Met} of {report.Total} minimum requirements met");
            try
            {
                store.Step(worker, samira.Id, "refer", "{\"date\":\"2017-04-01\",\"recipient\":\"Jobcenter\",\"offer\":\"Beratung\"}");
                return 1;
            }
            catch (JmdcmException e)
            {
                Console.WriteLine($"refused: {e.GetType().Name} ({e.Rule}, {e.Field}): {e.Message}");
            }
            return report.Met == report.Total ? 0 : 1;
        }
    }
}
