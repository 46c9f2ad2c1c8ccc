using System.Management.Automation;
using IotAdmin.Commands.Completion;

namespace IotAdmin.Commands
{
    /// <summary>A cmdlet about service accounts of one project; -ProjectId binds by property name (projects, accounts and keys pipe in).</summary>
    public abstract class ServiceAccountCmdlet : AdministrationCmdlet
    {
        /// <summary>The project that owns the service accounts.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        private protected override string Administers => "service accounts";
    }
}
