using System.Globalization;
using System.Net;

namespace Redress.LoadDriver;

/// <summary>Command-line options. Every run is bounded in time and count, and only talks to a loopback address.</summary>
internal sealed record DriverOptions
{
    public const int MaxDurationSeconds = 600;
    public const long MaxRequests = 10_000_000;
    public const int MaxConcurrency = 1024;

    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5180");

    /// <summary>One measurement per level, in order, against the same signed-in customers.</summary>
    public IReadOnlyList<int> ConcurrencyLevels { get; init; } = [32];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Stop a measurement after this many completed requests, if that comes before <see cref="Duration"/>.</summary>
    public long? Requests { get; init; }

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where to write the results: <c>.md</c> for a markdown table, anything else for JSON.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Names the run in the output, e.g. <c>SQLite</c>.</summary>
    public string Label { get; init; } = "intake";

    /// <summary>The server's process id, to report its CPU time per request; optional.</summary>
    public int? ServerProcessId { get; init; }

    public string Password { get; init; } = "Redress-demo-2026";

    public IReadOnlyList<string> Customers { get; init; } =
    [
        "wang.xiaoming@example.com",
        "li.na@example.com",
        "chen.meiling@example.com",
        "emily.clarke@example.com",
        "james.miller@example.com",
        "sophie.martin@example.com",
    ];

    public const string Usage = """
        Redress intake load driver: signs in the demo customers, then files complaints from N concurrent workers (closed loop).

        Options:
          --url URL              base URL of the running app (loopback only)       [http://127.0.0.1:5180]
          --concurrency N[,N..]  workers; several levels are measured in turn       [32]
          --duration SECONDS     length of each measurement (max 600)               [20]
          --requests N           stop a measurement after N completed requests
          --warmup SECONDS       unmeasured load before each measurement            [5]
          --timeout SECONDS      per-request timeout                                [30]
          --label TEXT           name of the run in the output                      [intake]
          --server-pid PID       report the server's CPU time per request
          --output FILE          write results: FILE.md as a markdown table, else JSON
        """;

    public static DriverOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DriverOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { BaseUrl = new Uri(Value(), UriKind.Absolute) },
                "--concurrency" => options with { ConcurrencyLevels = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseInt)] },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--requests" => options with { Requests = long.Parse(Value(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmUp = Seconds(Value()) },
                "--timeout" => options with { RequestTimeout = Seconds(Value()) },
                "--label" => options with { Label = Value() },
                "--server-pid" => options with { ServerProcessId = ParseInt(Value()) },
                "--output" => options with { OutputPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        options.Validate();
        return options;
    }

    private void Validate()
    {
        if (!IsLoopback(BaseUrl))
        {
            throw new ArgumentException($"Only loopback addresses may be loaded; '{BaseUrl.Host}' is not one.");
        }

        if (ConcurrencyLevels.Count == 0 || ConcurrencyLevels.Any(level => level is < 1 or > MaxConcurrency))
        {
            throw new ArgumentException($"Concurrency must be between 1 and {MaxConcurrency}.");
        }

        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromSeconds(MaxDurationSeconds)
            || WarmUp < TimeSpan.Zero || WarmUp > TimeSpan.FromSeconds(MaxDurationSeconds))
        {
            throw new ArgumentException($"Duration and warm-up must be between 0 and {MaxDurationSeconds} seconds.");
        }

        if (Requests is < 1 or > MaxRequests)
        {
            throw new ArgumentException($"Requests must be between 1 and {MaxRequests}.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The request timeout must be positive.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static int ParseInt(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
}
