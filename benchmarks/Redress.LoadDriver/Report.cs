using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Redress.LoadDriver;

/// <summary>Writes the results to the console and, when asked, to a markdown table or a JSON file.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Line(string label, LevelResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label} c={result.Concurrency,-4} {result.Requests,8} req in {result.Seconds,6:F2}s  accepted/s {result.AcceptedPerSecond,8:F1}  " +
        $"p50 {result.P50Ms,7:F2}  p95 {result.P95Ms,7:F2}  p99 {result.P99Ms,7:F2}  max {result.MaxMs,8:F2} ms  " +
        $"other {Others(result)}  cpu server {Cores(result.ServerCpuCores)} driver {result.DriverCpuCores:F2}");

    public static async Task WriteAsync(string path, DriverOptions options, IReadOnlyList<LevelResult> results, CancellationToken cancellationToken)
    {
        var text = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? Markdown(results)
            : JsonSerializer.Serialize(
                new
                {
                    options.Label,
                    BaseUrl = options.BaseUrl.ToString(),
                    WarmUpSeconds = options.WarmUp.TotalSeconds,
                    DurationSeconds = options.Duration.TotalSeconds,
                    options.Requests,
                    Levels = results,
                },
                s_json) + "\n";
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }

    private static string Markdown(IReadOnlyList<LevelResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| concurrency | requests | seconds | accepted/s | p50 ms | p95 ms | p99 ms | max ms | other statuses | server CPU (cores) | server CPU ms/request | driver CPU (cores) |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Concurrency} | {r.Requests} | {r.Seconds:F1} | {r.AcceptedPerSecond:F1} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F2} | {Others(r)} | {Cores(r.ServerCpuCores)} | {r.ServerCpuMsPerRequest?.ToString("F3", CultureInfo.InvariantCulture) ?? "–"} | {r.DriverCpuCores:F2} |");
        }

        return text.ToString();
    }

    private static string Others(LevelResult result) =>
        result.OtherStatuses.Count == 0 ? "none" : string.Join(", ", result.OtherStatuses.Select(pair => $"{pair.Key}×{pair.Value}"));

    private static string Cores(double? cores) => cores?.ToString("F2", CultureInfo.InvariantCulture) ?? "–";
}
