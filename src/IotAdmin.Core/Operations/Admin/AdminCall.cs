using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// What one administration command works with: the session's administration API (DT only: a Google session is
    /// refused here, before any request), the output and the call context every request logs to.
    /// </summary>
    internal sealed class AdminCall
    {
        public AdminCall(IotSession session, ICommandOutput output, string what, ApiCallContext? context = null)
        {
            Session = session;
            Admin = AdminBackend.For(session, what);
            Output = output;
            Context = context ?? new ApiCallContext(output);
        }

        public IotSession Session { get; }

        public DtAdminBackend Admin { get; }

        public ICommandOutput Output { get; }

        public ApiCallContext Context { get; }

        /// <summary>
        /// The organization to work in: the one given, else the only one the account sees (most accounts see one);
        /// with none or several, the caller must name it.
        /// </summary>
        public async Task<string> OrganizationIdAsync(string? given, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(given))
            {
                InputRules.Require(InputRules.CheckId("Organization", given), "OrganizationId");
                return given!;
            }

            var organizations = await Session.GetOrganizationsAsync(Context, cancellationToken).ConfigureAwait(false);
            if (organizations.Count == 1) return organizations[0].OrganizationId;
            throw new ArgumentException("The service account sees " + organizations.Count + " organizations; pass -OrganizationId (Get-IotOrganization lists them).", "OrganizationId");
        }
    }
}
