using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Connectors
{
    /// <summary>The wire of data connectors (dt-api-admin.md §5); only DT has them.</summary>
    internal interface IDataConnectorBackend
    {
        IAsyncEnumerable<IotDataConnector> ListAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken);

        Task<IotDataConnector> GetAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>Never resent blindly: a lost answer may hide a created connector.</summary>
        Task<IotDataConnector> CreateAsync(string projectId, DataConnectorWrite body, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>PATCH with the fields set in <paramref name="body"/> (no mask: the server merges httpConfig field by field).</summary>
        Task<IotDataConnector> UpdateAsync(string projectId, string connectorId, DataConnectorWrite body, ApiCallContext context, CancellationToken cancellationToken);

        Task DeleteAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken);

        Task<IotDataConnectorMetric> GetMetricsAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken);

        Task SyncAsync(string projectId, string connectorId, ApiCallContext context, CancellationToken cancellationToken);
    }
}
