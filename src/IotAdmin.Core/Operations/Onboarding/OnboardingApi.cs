using IotAdmin.Backends;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>The onboarding wire of a session: DT only (Cloud IoT Core has no claims and no emulator API).</summary>
    internal static class OnboardingApi
    {
        /// <param name="session">A DT session.</param>
        /// <param name="emulatorEndpoint">-EmulatorEndpoint; null = derived from the session's endpoint (<see cref="EmulatorEndpoint"/>).</param>
        public static IOnboardingBackend For(IotSession session, string? emulatorEndpoint = null)
        {
            DtOnly.Require(session, "POST", "Claiming and emulated devices are DT API features; a " + session.Provider + " session has neither.", "connect to the DT API (Connect-IotAdmin without -Provider " + session.Provider + ") and run the command with that session");
            return new DtOnboardingBackend(session.Api, EmulatorEndpoint.For(session.Endpoint, emulatorEndpoint));
        }
    }
}
