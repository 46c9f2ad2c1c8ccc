using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>Set-IotLabel and Remove-IotLabel: one backend label change per batch (DT: one devices:batchUpdate call), adding and/or removing labels.</summary>
    internal abstract class LabelOperation : BulkDeviceOperation
    {
        private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

        protected LabelOperation(IotSession session, string commandName, BulkOptions options)
            : base(session, commandName, options)
        {
        }

        protected virtual IReadOnlyDictionary<string, string> AddLabels => NoLabels;

        protected virtual IReadOnlyList<string> RemoveLabels => new string[0];

        /// <summary>The API's own limits, before any request (the derived constructor calls it once its labels are set).</summary>
        protected void CheckWithApi()
        {
            var parameter = AddLabels.Count > 0 ? "Label" : "Name";
            if (AddLabels.Count > Session.Backend.MaxLabelsPerDevice)
                throw new System.ArgumentException("-Label has " + AddLabels.Count + " labels; a device can hold at most " + Session.Backend.MaxLabelsPerDevice + ".", parameter);
            Validation.InputRules.Require(Session.Backend.CheckLabelChange(AddLabels, RemoveLabels), parameter);
        }

        protected sealed override Task<IReadOnlyList<DeviceError>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken) =>
            Session.Backend.UpdateLabelsAsync(projectId, batch.Select(d => d.DeviceId).ToList(), AddLabels, RemoveLabels, context, cancellationToken);
    }
}
