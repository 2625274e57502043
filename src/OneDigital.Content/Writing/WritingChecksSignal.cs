using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

/// <summary>Wakes <see cref="WritingChecksWorker"/> when an import that left published items unchecked commits.</summary>
public sealed class WritingChecksSignal : WakeSignal;
