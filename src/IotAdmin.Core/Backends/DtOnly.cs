using IotAdmin.Errors;
using IotAdmin.Sessions;

namespace IotAdmin.Backends
{
    /// <summary>
    /// The one rule for the DT-only parts of the API (administration, events, data connectors, onboarding): a session of
    /// another provider is refused with IotApiUnimplemented before any request is made.
    /// </summary>
    internal static class DtOnly
    {
        /// <param name="session">The session the command runs with.</param>
        /// <param name="method">The HTTP method the refused call would have used (shown in the error).</param>
        /// <param name="problem">What the other provider lacks, in a sentence.</param>
        /// <param name="hint">What to do instead.</param>
        public static void Require(IotSession session, string method, string problem, string hint)
        {
            session.ThrowIfDisposed();
            if (session.Backend is DtBackend) return;
            throw ErrorClassifier.NotSupported(method, session.Endpoint.AbsolutePath, problem, hint);
        }
    }
}
