namespace OneDigital.Web.Setup;

/// <summary>Setup cannot start with the configuration it was given (nothing has been written).</summary>
public sealed class SetupException(string message) : Exception(message);
