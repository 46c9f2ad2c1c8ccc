using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the pushes of data connectors in the last 3 hours: successes, failures, 99th percentile latency.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IotDataConnectorMetric")]
    [OutputType(typeof(IotDataConnectorMetric))]
    public sealed class GetIotDataConnectorMetricCommand : DataConnectorCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            Run((output, stopping) => DataConnectorOperation.MetricAsync(session, ProjectId, DataConnectorId, output, stopping));
        }
    }
}
