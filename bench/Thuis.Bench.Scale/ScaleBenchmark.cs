namespace Thuis.Bench.Scale;

/// <summary>The entry point; not called Program, which is the web app's own entry point that this harness starts.</summary>
internal static class ScaleBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = new Arguments(args);
        switch (arguments.Command)
        {
            case "generate":
                await GenerateMunicipality.RunAsync(arguments);
                return 0;
            case "dashboard":
                await DashboardBenchmark.RunAsync(arguments);
                return 0;
            case "pages":
                return await PageLoadBenchmark.RunAsync(arguments);
            case "explain":
                await ExplainQueries.RunAsync(arguments);
                return 0;
            default:
                Console.WriteLine("""
                    Thuis scale benchmark
                      generate  --provider sqlite|postgres --connection "<cs>" --newcomers 5000 --attendance 1000000 [--seed 7]
                      dashboard --provider sqlite|postgres --connection "<cs>" [--runs 15] [--out file.json]
                      pages     --provider sqlite|postgres --connection "<cs>" [--port 5180] [--duration 30] [--rate 100] [--out file.json]
                      explain   --provider sqlite|postgres --connection "<cs>"   (the report's queries with their plans)
                    """);
                return 1;
        }
    }
}
