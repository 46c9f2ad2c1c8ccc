using System.Management.Automation;
using IotAdmin.Commands.Completion;

namespace IotAdmin.Commands
{
    /// <summary>
    /// A cmdlet about members of a project (-ProjectId) or of the organization (-OrganizationId, default: the
    /// account's only one). Both bind by property name, so members and projects pipe in; a project id wins.
    /// </summary>
    public abstract class MemberCmdlet : AdministrationCmdlet
    {
        /// <summary>The project whose members these are; without it, the organization's.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The organization (used when no -ProjectId is given); default: the account's organization when it sees exactly one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrganizationId { get; set; }

        private protected override string Administers => "members";
    }
}
