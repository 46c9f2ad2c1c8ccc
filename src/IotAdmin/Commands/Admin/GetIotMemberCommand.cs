using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the members of a project or of the organization, with their roles.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotMember")]
    [OutputType(typeof(IotMember))]
    public sealed class GetIotMemberCommand : MemberCmdlet
    {
        /// <summary>Only these members (default: all).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? MemberId { get; set; }

        /// <summary>With -MemberId: the member's memberships in every project the account may read members of.</summary>
        [Parameter]
        public SwitchParameter AllProjects { get; set; }

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => MemberOperations.GetAsync(call, ProjectId, OrganizationId, MemberId, AllProjects, stopping));
    }
}
