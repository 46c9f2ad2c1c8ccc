using IotAdmin.Backends;
using IotAdmin.Sessions;

namespace IotAdmin.Events
{
    /// <summary>The events wire of a session's API: DT has one; Cloud IoT Core has no event history or streams.</summary>
    internal static class EventsBackends
    {
        public static IEventsBackend For(IotSession session)
        {
            DtOnly.Require(
                session,
                "GET",
                "Cloud IoT Core keeps no event history and has no event stream",
                "read telemetry from the registry's Pub/Sub topic instead");
            return new DtEventsBackend(session.Api);
        }
    }
}
