using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Operations.Admin;
using IotAdmin.Output;

namespace IotAdmin.Commands
{
    /// <summary>
    /// The shape of the administration cmdlets (projects, members, roles, service accounts, keys): the session
    /// resolved as everywhere, its administration API (a Google session is refused before any request), and Core's
    /// operation run through the pump.
    /// </summary>
    public abstract class AdministrationCmdlet : IotSessionCmdlet
    {
        /// <summary>What the command administers, for the refusal on a Google session ("members", "service accounts").</summary>
        private protected abstract string Administers { get; }

        private protected void RunAdmin(Func<AdminCall, CancellationToken, Task> work)
        {
            var session = ResolveSession();
            Run((output, stopping) => work(new AdminCall(session, Wrap(output), Administers), stopping));
        }

        /// <summary>What the command's output goes through (a cmdlet that adds PowerShell-only members overrides it).</summary>
        private protected virtual ICommandOutput Wrap(ICommandOutput output) => output;

        /// <summary>True when the parameter was given (on the command line or from the pipeline).</summary>
        private protected bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
