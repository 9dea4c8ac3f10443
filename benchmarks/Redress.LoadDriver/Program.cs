using Redress.LoadDriver;

DriverOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(DriverOptions.Usage);
        return 0;
    }

    options = DriverOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException or OverflowException or UriFormatException)
{
    await Console.Error.WriteLineAsync(error.Message);
    await Console.Error.WriteLineAsync(DriverOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var maxConcurrency = options.ConcurrencyLevels.Max();
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = maxConcurrency + 8,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
    AllowAutoRedirect = false,
};
using var client = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = options.RequestTimeout };

var load = new IntakeLoad(client, options);
try
{
    await load.SignInAsync(cancel.Token);
    Console.WriteLine($"{options.Label}: signed in {options.Customers.Count} customers at {options.BaseUrl}; warm-up {options.WarmUp.TotalSeconds}s, measure {options.Duration.TotalSeconds}s" +
        (options.Requests is { } limit ? $" or {limit} requests" : string.Empty));

    var results = new List<LevelResult>();
    foreach (var concurrency in options.ConcurrencyLevels)
    {
        var result = await load.RunLevelAsync(concurrency, cancel.Token);
        results.Add(result);
        Console.WriteLine(Report.Line(options.Label, result));
    }

    if (options.OutputPath is { } path)
    {
        await Report.WriteAsync(path, options, results, cancel.Token);
    }

    return results.All(result => result.Accepted > 0) ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
catch (Exception error) when (error is HttpRequestException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"{options.Label}: {error.Message}");
    return 1;
}
