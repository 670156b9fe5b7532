using System.Net;

namespace JourneyBot.Protocol.Connector;

/// <summary>The connector refused a call (after any retries), or the bot did not make it or gave it up.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>
    /// <see cref="ErrorCode"/> of a call the bot itself refused to make: the service URL's host is
    /// not on <c>Connector:AllowedServiceHosts</c>, so no token was sent there.
    /// </summary>
    public const string ServiceUrlNotAllowed = "JourneyBot.ServiceUrlNotAllowed";

    /// <summary>
    /// <see cref="ErrorCode"/> of a call given up because its retries would outlast the budget
    /// (<c>ConnectorRetry:TotalBudget</c>, or <c>ConnectorRetry:ThrottleBudget</c> for a call still
    /// throttled then), e.g. under a long Retry-After.
    /// </summary>
    public const string GivenUp = "JourneyBot.GivenUp";

    /// <summary>Creates the exception.</summary>
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string? operationId, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        OperationId = operationId;
    }

    /// <summary>Creates the exception without details (for serializers and analyzers).</summary>
    public ConnectorException() : this(0, null, null, "The connector call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorException(string message) : this(0, null, null, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectorException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the connector answered; 0 when it answered nothing the bot kept (see <see cref="ErrorCode"/>).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's error code, e.g. <c>MessageWritesBlocked</c> or <c>MessageSizeTooBig</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The connector's <c>X-Correlating-OperationId</c>, for support requests.</summary>
    public string? OperationId { get; }
}
