using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Redress.SharedKernel.Hosting;

namespace Redress.SharedKernel.Tests;

public sealed class PollingWorkerTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_pause_doubles_with_each_failure_up_to_the_ceiling()
    {
        Assert.Equal(s_interval, PollingWorker.PauseAfter(0, s_interval));
        Assert.Equal(s_interval, PollingWorker.PauseAfter(1, s_interval));
        Assert.Equal(s_interval * 2, PollingWorker.PauseAfter(2, s_interval));
        Assert.Equal(s_interval * 8, PollingWorker.PauseAfter(4, s_interval));
        Assert.Equal(PollingWorker.MaxBackoff, PollingWorker.PauseAfter(40, s_interval));
        Assert.Equal(TimeSpan.FromHours(1), PollingWorker.PauseAfter(3, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task A_failing_pass_backs_off_and_the_worker_carries_on()
    {
        var clock = new RecordingClock();
        using var services = new ServiceCollection().BuildServiceProvider();
        using var worker = new ScriptedWorker(services.GetRequiredService<IServiceScopeFactory>(), clock, failures: 2);
        await worker.StartAsync(TestContext.Current.CancellationToken);

        await clock.WaitForPausesAsync(1); // first pass failed
        clock.Advance(s_interval);
        await clock.WaitForPausesAsync(2); // second failed: twice as long
        clock.Advance(s_interval * 2);
        await clock.WaitForPausesAsync(3); // third succeeded with more waiting, fourth ran at once, then the interval

        await worker.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal([s_interval, s_interval * 2, s_interval], clock.Pauses.Take(3));
        Assert.Equal(4, worker.Passes);
    }

    /// <summary>A fake clock that records each pause a worker asks for, so the test advances only once the worker waits.</summary>
    private sealed class RecordingClock : FakeTimeProvider
    {
        private readonly List<TimeSpan> _pauses = [];

        public IReadOnlyList<TimeSpan> Pauses
        {
            get
            {
                lock (_pauses)
                {
                    return [.. _pauses];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Recorded only once the timer exists, so a test that sees the pause can advance past it.
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_pauses)
            {
                _pauses.Add(dueTime);
            }

            return timer;
        }

        public async Task WaitForPausesAsync(int count)
        {
            for (var i = 0; i < 1000 && Pauses.Count < count; i++)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.True(Pauses.Count >= count, $"expected {count} pauses, saw {Pauses.Count}");
        }
    }

    private sealed class ScriptedWorker(IServiceScopeFactory scopes, TimeProvider time, int failures)
        : PollingWorker(scopes, time, NullLogger.Instance)
    {
        private int _passes;

        public int Passes => Volatile.Read(ref _passes);

        protected override string Name => "test";

        protected override TimeSpan PollInterval => s_interval;

        protected override Task<bool> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var pass = Interlocked.Increment(ref _passes);
            if (pass <= failures)
            {
                throw new InvalidOperationException("database unreachable");
            }

            // More waiting on the first good pass only, so the loop then settles into the poll interval.
            return Task.FromResult(pass == failures + 1);
        }
    }
}
