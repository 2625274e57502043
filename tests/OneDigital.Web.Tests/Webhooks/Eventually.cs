namespace OneDigital.Web.Tests.Webhooks;

internal static class Eventually
{
    /// <summary>
    /// Waits for something the background dispatcher does. The limit only keeps a broken build from hanging; no
    /// test asserts how fast anything happens.
    /// </summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > limit) Assert.Fail($"Gave up waiting for {what}; last seen: {value}");
            await Task.Delay(20);
        }
    }

    public static Task WaitAsync(Func<bool> done, string what) =>
        WaitAsync(() => Task.FromResult(done()), d => d, what);
}
