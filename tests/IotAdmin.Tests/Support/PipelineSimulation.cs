using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Tests.Support
{
    /// <summary>
    /// `Get-IotDevice … | Set-IotLabel …` without PowerShell: every device the listing streams goes into the bulk
    /// operation as it arrives (a full batch is sent before the listing goes on), then the operation completes.
    /// </summary>
    internal static class PipelineSimulation
    {
        public static async Task<IotBulkSummary> RunAsync(IotSession session, GetDeviceRequest listing, BulkDeviceOperation operation, RecordingOutput output, CancellationToken cancellationToken = default)
        {
            var feed = new Feed(operation, output, cancellationToken);
            await GetDeviceOperation.RunAsync(session, listing, feed, new ApiCallContext(output), cancellationToken);
            return await operation.CompleteAsync(output, cancellationToken);
        }

        public static async Task<IotBulkSummary> RunAsync(IEnumerable<DeviceRef> input, BulkDeviceOperation operation, RecordingOutput output, CancellationToken cancellationToken = default)
        {
            foreach (var device in input) await operation.AddAsync(device, output, cancellationToken);
            return await operation.CompleteAsync(output, cancellationToken);
        }

        private sealed class Feed : ForwardingOutput
        {
            private readonly BulkDeviceOperation _operation;
            private readonly CancellationToken _cancellationToken;

            public Feed(BulkDeviceOperation operation, RecordingOutput output, CancellationToken cancellationToken)
                : base(output)
            {
                _operation = operation;
                _cancellationToken = cancellationToken;
            }

            public override void WriteObject(object item) => _operation.AddAsync(DeviceRef.FromDevice((IotDevice)item), Inner, _cancellationToken).GetAwaiter().GetResult();
        }
    }
}
