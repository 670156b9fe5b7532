using Azure.Core;
using Azure.Core.Pipeline;

namespace JourneyBot.Storage;

/// <summary>
/// Counts every request the table client sends, named from its method and address. Added per
/// retry, so that each attempt that reaches the service is counted.
/// </summary>
internal sealed class OperationCountingPolicy(StorageMetrics metrics) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => metrics.Record(NameOf(message.Request));

    // Table REST shapes: POST /$batch, {table}, /Tables; GET {table}(PartitionKey='…',RowKey='…')
    // or {table}()?$filter=…; PUT with If-Match replaces, without it upserts; DELETE; MERGE/PATCH.
    internal static string NameOf(Request request)
    {
        var path = request.Uri.Path;
        var resource = path[(path.LastIndexOf('/') + 1)..];
        if (resource == "$batch")
        {
            return "transaction";
        }

        if (resource.StartsWith("Tables", StringComparison.Ordinal))
        {
            return "table";
        }

        var method = request.Method;
        if (method == RequestMethod.Get)
        {
            return resource.Contains("PartitionKey=", StringComparison.Ordinal) ? "read" : "query";
        }

        if (method == RequestMethod.Put)
        {
            return request.Headers.Contains(HttpHeader.Names.IfMatch) ? "update" : "upsert";
        }

        return method == RequestMethod.Post ? "insert"
            : method == RequestMethod.Delete ? "delete"
            : "merge";
    }
}
