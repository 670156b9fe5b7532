namespace JourneyBot.Protocol.Schema;

/// <summary>The body of a connector error, e.g. <c>{"error":{"code":"MessageWritesBlocked"}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record ErrorResponse(ErrorDetail? Error);

/// <summary>A connector error's code and message.</summary>
/// <param name="Code">A machine-readable code such as <c>MessageSizeTooBig</c>.</param>
/// <param name="Message">A human-readable description.</param>
public sealed record ErrorDetail(string? Code, string? Message);
