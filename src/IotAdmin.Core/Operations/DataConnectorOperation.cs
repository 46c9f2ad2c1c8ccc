using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Connectors;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;
using IotAdmin.Wire;

namespace IotAdmin.Operations
{
    /// <summary>
    /// The data connector cmdlets: input checked before any request, every change confirmed (ShouldProcess), and a
    /// failure about one connector a non-terminating error naming it. The signature secret goes into a request body
    /// only: never into a target, a message or an object.
    /// </summary>
    internal static class DataConnectorOperation
    {
        public static async Task GetAsync(IotSession session, string projectId, IReadOnlyList<string>? connectorIds, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, projectId, connectorIds, output);
            if (connectorIds == null || connectorIds.Count == 0)
            {
                await foreach (var connector in backend.ListAsync(projectId, context, cancellationToken).ConfigureAwait(false)) output.WriteObject(connector);
                return;
            }

            await EachAsync(connectorIds, output, async id => output.WriteObject(await backend.GetAsync(projectId, id, context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        public static async Task NewAsync(IotSession session, DataConnectorRequest request, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, request.ProjectId, null, output);
            if (string.IsNullOrEmpty(request.Url)) throw new ArgumentException("-Url is required: where the connector posts events (https://…).", "Url");
            var body = Body(request);
            body.Type = "HTTP_PUSH";
            body.Status ??= "ACTIVE";
            body.Events ??= new List<string>();
            body.Labels ??= new List<string>();
            var name = request.DisplayName ?? request.Url!;
            if (!output.ShouldProcess("project '" + request.ProjectId + "'", "Create data connector '" + name + "' pushing to " + request.Url)) return;
            try
            {
                output.WriteObject(await backend.CreateAsync(request.ProjectId, body, context, cancellationToken).ConfigureAwait(false));
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                output.WriteError(IotErrorInfo.FromApi(e, name));
            }
        }

        /// <summary>Set-, Enable- and Disable-IotDataConnector: the fields given, on each connector.</summary>
        public static async Task UpdateAsync(IotSession session, DataConnectorRequest request, IReadOnlyList<string> connectorIds, string action, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, request.ProjectId, connectorIds, output);
            var body = Body(request);
            await EachAsync(connectorIds, output, async id =>
            {
                if (output.ShouldProcess("data connector '" + id + "' of project '" + request.ProjectId + "'", action))
                    output.WriteObject(await backend.UpdateAsync(request.ProjectId, id, body, context, cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }

        public static async Task RemoveAsync(IotSession session, string projectId, IReadOnlyList<string> connectorIds, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, projectId, connectorIds, output);
            await EachAsync(connectorIds, output, async id =>
            {
                if (output.ShouldProcess("data connector '" + id + "' of project '" + projectId + "'", "Remove (events are no longer pushed)"))
                    await backend.DeleteAsync(projectId, id, context, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        public static async Task MetricAsync(IotSession session, string projectId, IReadOnlyList<string> connectorIds, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, projectId, connectorIds, output);
            await EachAsync(connectorIds, output, async id => output.WriteObject(await backend.GetMetricsAsync(projectId, id, context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        public static async Task SyncAsync(IotSession session, string projectId, IReadOnlyList<string> connectorIds, ICommandOutput output, CancellationToken cancellationToken)
        {
            var (backend, context) = Begin(session, projectId, connectorIds, output);
            await EachAsync(connectorIds, output, async id =>
            {
                if (!output.ShouldProcess("data connector '" + id + "' of project '" + projectId + "'", "Re-push the latest event of each type of every device")) return;
                await backend.SyncAsync(projectId, id, context, cancellationToken).ConfigureAwait(false);
                output.Verbose("Data connector '" + id + "' is re-pushing the latest events.");
            }).ConfigureAwait(false);
        }

        private static (IDataConnectorBackend Backend, ApiCallContext Context) Begin(IotSession session, string projectId, IReadOnlyList<string>? connectorIds, ICommandOutput output)
        {
            session.ThrowIfDisposed();
            InputRules.Require(InputRules.CheckId("Project", projectId), "ProjectId");
            foreach (var id in connectorIds ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckId("Data connector", id), "DataConnectorId");
            return (DataConnectorBackends.For(session), new ApiCallContext(output));
        }

        private static async Task EachAsync(IEnumerable<string> connectorIds, ICommandOutput output, Func<string, Task> work)
        {
            foreach (var id in connectorIds.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    await work(id).ConfigureAwait(false);
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    output.WriteError(IotErrorInfo.FromApi(e, id));
                }
            }
        }

        /// <summary>The fields given, checked; throws ArgumentException naming the parameter.</summary>
        private static DataConnectorWrite Body(DataConnectorRequest request)
        {
            if (request.Url != null && !(Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
                throw new ArgumentException("-Url '" + request.Url + "' is not an absolute https:// address.", "Url");
            if (request.Status != null && request.Status != "ACTIVE" && request.Status != "USER_DISABLED")
                throw new ArgumentException("Status '" + request.Status + "' cannot be set: only ACTIVE and USER_DISABLED can.", "Status");
            foreach (var type in request.EventTypes ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckPlainToken("EventType", type), "EventType");
            foreach (var key in request.Labels ?? Array.Empty<string>()) InputRules.Require(InputRules.CheckLabelKey(key), "Label");
            Dictionary<string, string>? headers = null;
            if (request.Headers != null)
            {
                headers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in request.Headers)
                {
                    var key = entry.Key?.ToString();
                    if (string.IsNullOrWhiteSpace(key) || key!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':')) throw new ArgumentException("Header name '" + key + "' is not valid.", "Header");
                    headers[key!] = entry.Value?.ToString() ?? string.Empty;
                }
            }

            var http = request.Url != null || request.SignatureSecret != null || headers != null
                ? new HttpConfigWrite { Url = request.Url, Headers = headers, SignatureSecret = request.SignatureSecret == null ? null : SecretText.Reveal(request.SignatureSecret) }
                : null;
            return new DataConnectorWrite
            {
                DisplayName = request.DisplayName,
                Status = request.Status,
                Events = request.EventTypes?.ToList(),
                Labels = request.Labels?.ToList(),
                HttpConfig = http,
            };
        }
    }
}
