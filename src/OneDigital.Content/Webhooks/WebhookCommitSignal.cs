using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

/// <summary>Wakes the dispatcher when deliveries are committed, so they leave at once rather than at the next poll.</summary>
public sealed class WebhookCommitSignal : WakeSignal;
