namespace Redress.Notifications.Delivery;

internal static class Backoff
{
    /// <summary>
    /// The wait before the next attempt: base × 2^(attempts−1), capped, then spread by ±20 % so that messages that
    /// failed together during an outage do not all retry in the same second. <c>jitter</c> is a sample in [0, 1).
    /// </summary>
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan max, double jitter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var delay = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + (0.4 * jitter)));
    }
}
