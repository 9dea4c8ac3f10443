using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HdrHistogram;

namespace Redress.LoadDriver;

/// <summary>
/// Files complaints from N workers in a closed loop: each worker sends its next request as soon as the previous one
/// answers. Throughput and latency count the requests that complete inside the measurement window; requests still in
/// flight when it closes are drained and not counted.
/// </summary>
internal sealed class IntakeLoad(HttpClient client, DriverOptions options)
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopped = 2;

    // Latencies are recorded in microseconds, from 1 µs up to ten minutes, to three significant digits.
    private const long HighestTrackableMicroseconds = 600L * 1_000_000;
    private static readonly string[] s_categories = ["TransactionFailure", "Refund", "Fees", "CustomerService", "AccountSecurity", "Other"];
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly byte[][] _bodies = BuildBodies(64);
    private AuthenticationHeaderValue[] _customers = [];
    private int _phase;
    private long _completedInWindow;
    private long _windowEnd;
    private TaskCompletionSource _countReached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signs in every demo customer once; the workers share their bearer tokens round-robin.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var tokens = new List<AuthenticationHeaderValue>();
        foreach (var email in options.Customers)
        {
            using var response = await client.PostAsJsonAsync("api/auth/token", new { email, password = options.Password }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var token = json.RootElement.GetProperty("accessToken").GetString()
                ?? throw new InvalidOperationException($"Sign-in of {email} returned no token.");
            tokens.Add(new AuthenticationHeaderValue("Bearer", token));
        }

        _customers = [.. tokens];
    }

    public async Task<LevelResult> RunLevelAsync(int concurrency, CancellationToken cancellationToken)
    {
        _phase = Warming;
        _completedInWindow = 0;
        _countReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, concurrency).Select(i => new Worker(i)).ToArray();
        var running = workers.Select(worker => Task.Run(() => RunWorkerAsync(worker, cancellationToken), cancellationToken)).ToArray();

        await Task.Delay(options.WarmUp, cancellationToken);

        var server = options.ServerProcessId is { } pid ? Process.GetProcessById(pid) : null;
        var serverCpuStart = server?.TotalProcessorTime;
        var driverCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var windowStart = Stopwatch.GetTimestamp();
        Volatile.Write(ref _phase, Measuring);

        await Task.WhenAny(Task.Delay(options.Duration, cancellationToken), _countReached.Task);
        if (Interlocked.CompareExchange(ref _phase, Stopped, Measuring) == Measuring)
        {
            _windowEnd = Stopwatch.GetTimestamp();
        }

        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuStart;
        TimeSpan? serverCpu = null;
        if (server is not null && serverCpuStart is { } start)
        {
            server.Refresh();
            serverCpu = server.TotalProcessorTime - start;
        }

        await Task.WhenAll(running);
        server?.Dispose();
        return Summarize(concurrency, workers, Stopwatch.GetElapsedTime(windowStart, _windowEnd), driverCpu, serverCpu);
    }

    private async Task RunWorkerAsync(Worker worker, CancellationToken cancellationToken)
    {
        var customer = _customers[worker.Index % _customers.Length];
        var sequence = worker.Index;
        while (Volatile.Read(ref _phase) != Stopped)
        {
            var body = _bodies[sequence++ % _bodies.Length];
            var started = Stopwatch.GetTimestamp();
            int status;
            try
            {
                status = await SendAsync(customer, body, cancellationToken);
            }
            catch (HttpRequestException)
            {
                status = 0;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout expired.
                status = 0;
            }

            var finished = Stopwatch.GetTimestamp();
            if (Volatile.Read(ref _phase) != Measuring)
            {
                continue;
            }

            worker.Record(status, (long)Stopwatch.GetElapsedTime(started, finished).TotalMicroseconds);
            if (options.Requests is { } limit && Interlocked.Increment(ref _completedInWindow) >= limit
                && Interlocked.CompareExchange(ref _phase, Stopped, Measuring) == Measuring)
            {
                _windowEnd = finished;
                _countReached.TrySetResult();
            }
        }
    }

    private async Task<int> SendAsync(AuthenticationHeaderValue customer, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = s_json;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/complaints") { Content = content };
        request.Headers.Authorization = customer;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (int)response.StatusCode;
    }

    private static LevelResult Summarize(int concurrency, Worker[] workers, TimeSpan window, TimeSpan driverCpu, TimeSpan? serverCpu)
    {
        var latencies = new LongHistogram(HighestTrackableMicroseconds, 3);
        var statuses = new SortedDictionary<int, long>();
        foreach (var worker in workers)
        {
            latencies.Add(worker.Latencies);
            foreach (var (status, count) in worker.Statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
        }

        var total = latencies.TotalCount;
        var accepted = statuses.GetValueOrDefault(201);
        double Milliseconds(double percentile) => total == 0 ? 0 : latencies.GetValueAtPercentile(percentile) / 1000.0;
        return new LevelResult(
            concurrency,
            Math.Round(window.TotalSeconds, 2),
            total,
            accepted,
            Math.Round(accepted / window.TotalSeconds, 1),
            statuses.Where(pair => pair.Key != 201).ToDictionary(pair => pair.Key == 0 ? "error" : pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
            Milliseconds(50),
            Milliseconds(95),
            Milliseconds(99),
            total == 0 ? 0 : latencies.GetMaxValue() / 1000.0,
            Math.Round(driverCpu.TotalSeconds / window.TotalSeconds, 2),
            serverCpu is { } cpu ? Math.Round(cpu.TotalSeconds / window.TotalSeconds, 2) : null,
            serverCpu is { } perRequest && total > 0 ? Math.Round(perRequest.TotalMilliseconds / total, 3) : null);
    }

    private static byte[][] BuildBodies(int count)
    {
        var occurredAt = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return
        [
            .. Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToUtf8Bytes(new
            {
                category = s_categories[i % s_categories.Length],
                description = $"Load test complaint {i}: the payment was taken from my wallet but the merchant says it never arrived.",
                occurredAt,
                transactionReference = $"TX-BENCH-{i:D4}",
                amount = 12.50m + i,
                currency = "CNY",
                desiredOutcome = "Refund the amount to my wallet.",
            })),
        ];
    }

    /// <summary>One worker's own counters, merged after the run so that recording takes no lock.</summary>
    private sealed class Worker(int index)
    {
        public int Index => index;

        public LongHistogram Latencies { get; } = new(HighestTrackableMicroseconds, 3);

        public Dictionary<int, long> Statuses { get; } = [];

        public void Record(int status, long microseconds)
        {
            Latencies.RecordValue(Math.Clamp(microseconds, 1, HighestTrackableMicroseconds));
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        }
    }
}

/// <summary>One concurrency level's measurement. Latencies are in milliseconds; CPU is in cores busy on average.</summary>
internal sealed record LevelResult(
    int Concurrency,
    double Seconds,
    long Requests,
    long Accepted,
    double AcceptedPerSecond,
    IReadOnlyDictionary<string, long> OtherStatuses,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double DriverCpuCores,
    double? ServerCpuCores,
    double? ServerCpuMsPerRequest);
