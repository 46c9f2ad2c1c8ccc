using IotAdmin.Sessions;

namespace IotAdmin.Backends
{
    /// <summary>
    /// The administration API of a session: DT only. Cloud IoT Core manages access with Google Cloud IAM, which
    /// IotAdmin does not drive, so a Google session is refused before any request (as Move-IotDevice is there).
    /// </summary>
    internal static class AdminBackend
    {
        public static DtAdminBackend For(IotSession session, string what)
        {
            DtOnly.Require(
                session,
                "GET",
                "Cloud IoT Core has no API for " + what + "; IotAdmin administers DT organizations only.",
                "manage access in the Google Cloud console or with gcloud (IAM roles and service accounts of the cloud project)");
            return new DtAdminBackend(session.Api);
        }
    }
}
