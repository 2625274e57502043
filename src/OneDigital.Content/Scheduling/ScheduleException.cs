// Why: a schedule in the past or for an item that does not exist is the caller's mistake; as an IClientError the APIs
// and the admin show its message without knowing this type.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Scheduling;

/// <summary>A schedule, or a cancellation, that cannot be carried out as asked; nothing was written.</summary>
public sealed class ScheduleException(int status, string message) : Exception(message), IClientError
{
    int IClientError.Status => status;

    string IClientError.Title => status == IClientError.NotFound ? "Not found." : "The schedule cannot be made.";

    string IClientError.Detail => Message;
}
