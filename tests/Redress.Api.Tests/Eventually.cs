namespace Redress.Api.Tests;

/// <summary>Waits for what the app does in the background (deliveries, workers) by asking again, for up to 30 seconds.</summary>
internal static class Eventually
{
    /// <param name="probe">Answers null until the awaited state is there.</param>
    /// <param name="between">Runs between two probes; tests on a fake clock move it on here.</param>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, Action? between = null)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            between?.Invoke();
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("What the test waited for did not happen within 30 seconds.");
    }
}
