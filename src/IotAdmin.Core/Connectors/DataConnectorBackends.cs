using IotAdmin.Backends;
using IotAdmin.Sessions;

namespace IotAdmin.Connectors
{
    /// <summary>The data connector wire of a session's API: DT has one; Cloud IoT Core has none.</summary>
    internal static class DataConnectorBackends
    {
        public static IDataConnectorBackend For(IotSession session)
        {
            DtOnly.Require(
                session,
                "GET",
                "Cloud IoT Core has no data connectors",
                "route telemetry with the registry's Pub/Sub topics instead");
            return new DtDataConnectorBackend(session.Api);
        }
    }
}
