using Microsoft.Extensions.Options;
using OneDigital.Content.Webhooks;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Webhooks;

/// <summary>
/// Sends due deliveries in the background: woken by a local commit that wrote some, and otherwise every
/// PollInterval (other nodes' rows, retries coming due). Each POST runs on its own, at most MaxConcurrency at once and
/// MaxPerEndpoint per endpoint, so a slow receiver holds up only its own deliveries.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookDeliveryQueue queue,
    WebhookSender sender,
    WebhookCommitSignal signal,
    SetupState setup,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly WebhookOptions _options = options.Value;
    private readonly Dictionary<int, int> _inFlight = [];
    private readonly HashSet<Task> _sends = [];
    private readonly Lock _lock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The tables exist once setup (which runs the migrations) is done.
            await setup.Completion.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!setup.IsReady)
        {
            return;
        }
        while (true)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store was unreachable for a moment: the next poll tries again.
                logger.LogError(ex, "Webhooks: looking for due deliveries failed.");
            }
            try
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        Task[] running;
        lock (_lock) running = [.. _sends];
        await Task.WhenAll(running);
    }

    private async Task DispatchDueAsync(CancellationToken ct)
    {
        // Room is reserved as the queue asks, so one pass over several endpoints stays within MaxConcurrency.
        var reserved = 0;
        int Room(int endpointId)
        {
            lock (_lock)
            {
                var free = _options.MaxConcurrency - _inFlight.Values.Sum() - reserved;
                var room = Math.Max(0, Math.Min(free, _options.MaxPerEndpoint - _inFlight.GetValueOrDefault(endpointId)));
                reserved += room;
                return room;
            }
        }
        var claimed = await queue.ClaimDueAsync(Room, ct);
        foreach (var delivery in claimed)
        {
            lock (_lock)
            {
                _inFlight[delivery.EndpointId] = _inFlight.GetValueOrDefault(delivery.EndpointId) + 1;
                var send = SendAsync(delivery, ct);
                _sends.Add(send);
                _ = send.ContinueWith(Finished, TaskScheduler.Default);
            }
        }
    }

    private async Task SendAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            var result = await sender.SendAsync(delivery, ct);
            if (!result.Succeeded)
            {
                logger.LogWarning("Webhook delivery {DeliveryId} to {Url} failed (attempt {Attempt}): {Error}",
                    delivery.Id, delivery.Url, delivery.Attempts + 1, result.Error);
            }
            await queue.RecordAsync(delivery, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await queue.ReleaseAsync(delivery);
        }
        catch (Exception ex)
        {
            // Left claimed: it is tried again when the claim lapses.
            logger.LogError(ex, "Webhook delivery {DeliveryId}: recording the attempt failed.", delivery.Id);
        }
        finally
        {
            lock (_lock)
            {
                if (--_inFlight[delivery.EndpointId] == 0) _inFlight.Remove(delivery.EndpointId);
            }
        }
    }

    private void Finished(Task send)
    {
        lock (_lock) _sends.Remove(send);
        // A slot is free: look again at once rather than at the next poll.
        signal.Signal();
    }
}
