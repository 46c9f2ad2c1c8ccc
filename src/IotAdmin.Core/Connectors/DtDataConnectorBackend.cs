using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Connectors
{
    /// <summary>Data connectors of the DT REST API v2.</summary>
    internal sealed class DtDataConnectorBackend : IDataConnectorBackend
    {
        private readonly ApiClient _api;

        public DtDataConnectorBackend(ApiClient api)
        {
            _api = api;
        }

        public IAsyncEnumerable<IotDataConnector> ListAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<DataConnectorPage, DataConnectorDto, IotDataConnector>(
                _api,
                () => new ApiRequest(HttpMethod.Get, Path(projectId)) { Target = projectId },
                DataConnectorJsonContext.Default.DataConnectorPage,
                DataConnectorMapper.ToModel,
                100,
                context,
                cancellationToken);

        public async Task<IotDataConnector> GetAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken) =>
            DataConnectorMapper.ToModel(await _api.SendAsync(new ApiRequest(HttpMethod.Get, Path(projectId, connectorId)) { Target = connectorId }, DataConnectorJsonContext.Default.DataConnectorDto, context, cancellationToken).ConfigureAwait(false));

        public async Task<IotDataConnector> CreateAsync(string projectId, DataConnectorWrite body, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Post, Path(projectId)) { JsonBody = Serialize(body), Target = body.DisplayName ?? projectId, MayRetry = false };
            return DataConnectorMapper.ToModel(await _api.SendAsync(request, DataConnectorJsonContext.Default.DataConnectorDto, context, cancellationToken).ConfigureAwait(false));
        }

        public async Task<IotDataConnector> UpdateAsync(string projectId, string connectorId, DataConnectorWrite body, ApiCallContext context, CancellationToken cancellationToken)
        {
            // Idempotent: the same fields set twice give the same connector.
            var request = new ApiRequest(new HttpMethod("PATCH"), Path(projectId, connectorId)) { JsonBody = Serialize(body), Target = connectorId };
            return DataConnectorMapper.ToModel(await _api.SendAsync(request, DataConnectorJsonContext.Default.DataConnectorDto, context, cancellationToken).ConfigureAwait(false));
        }

        public Task DeleteAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken) =>
            _api.SendAsync(new ApiRequest(HttpMethod.Delete, Path(projectId, connectorId)) { Target = connectorId }, DataConnectorJsonContext.Default.EmptyResponse, context, cancellationToken);

        public async Task<IotDataConnectorMetric> GetMetricsAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken)
        {
            var response = await _api.SendAsync(new ApiRequest(HttpMethod.Get, Path(projectId, connectorId) + ":metrics") { Target = connectorId }, DataConnectorJsonContext.Default.MetricsResponse, context, cancellationToken).ConfigureAwait(false);
            return DataConnectorMapper.ToModel(projectId, connectorId, response);
        }

        // Not resent blindly: a lost answer may hide a sync that already re-pushed.
        public Task SyncAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken) =>
            _api.SendAsync(new ApiRequest(HttpMethod.Post, Path(projectId, connectorId) + ":sync") { Target = connectorId, MayRetry = false }, DataConnectorJsonContext.Default.EmptyResponse, context, cancellationToken);

        private static string Path(string projectId, string? connectorId = null) =>
            ResourceName.Project(projectId) + "/dataconnectors" + (connectorId == null ? string.Empty : "/" + connectorId);

        private static byte[] Serialize(DataConnectorWrite body) => JsonSerializer.SerializeToUtf8Bytes(body, DataConnectorJsonContext.Default.DataConnectorWrite);
    }
}
