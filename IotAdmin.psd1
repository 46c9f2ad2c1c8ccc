@{
    RootModule           = 'IotAdmin.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c7a3e-2b1d-4c8e-9a6f-3d2e1b7c4a90'
    Author               = 'IotAdmin contributors'
    CompanyName          = 'IotAdmin'
    Copyright            = '(c) IotAdmin contributors. MIT License.'
    Description          = 'Run fleets of IoT sensors from PowerShell: Disruptive Technologies REST API v2 cmdlets with one session (auto-refreshed OAuth2 token, shared client-side rate limiter), batched bulk label and move operations, and ErrorRecords with mapped categories and retry hints.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('IotAdmin.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-IotAdmin'
        'Disconnect-IotAdmin'
        'Get-IotSession'
        'Get-IotProject'
        'Get-IotDevice'
        'Set-IotLabel'
        'Remove-IotLabel'
        'Move-IotDevice'
        'Export-IotDevice'
        'Export-IotFleet'
        'Undo-IotChange'
        'Get-IotOrganization'
        'New-IotProject'
        'Set-IotProject'
        'Remove-IotProject'
        'Get-IotMember'
        'Add-IotMember'
        'Set-IotMember'
        'Remove-IotMember'
        'Get-IotMemberInviteUrl'
        'Get-IotRole'
        'Get-IotPermission'
        'Get-IotServiceAccount'
        'New-IotServiceAccount'
        'Set-IotServiceAccount'
        'Remove-IotServiceAccount'
        'Get-IotServiceAccountKey'
        'New-IotServiceAccountKey'
        'Remove-IotServiceAccountKey'
        'Get-IotClaimInfo'
        'Register-IotDevice'
        'New-IotEmulatedDevice'
        'Remove-IotEmulatedDevice'
        'Send-IotEmulatedEvent'
        'Get-IotEvent'
        'Watch-IotEvent'
        'Get-IotDataConnector'
        'New-IotDataConnector'
        'Set-IotDataConnector'
        'Enable-IotDataConnector'
        'Disable-IotDataConnector'
        'Remove-IotDataConnector'
        'Get-IotDataConnectorMetric'
        'Sync-IotDataConnector'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('IoT', 'DisruptiveTechnologies', 'Sensors', 'REST', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri/LicenseUri/HelpInfoURI until the project has a public home: a manifest URI that leads
            # nowhere is worse than none (the license is LICENSE in the package).
            ReleaseNotes = '0.1.0: Connect/Disconnect-IotAdmin, Get-IotSession, Get-IotProject, Get-IotDevice, Set-IotLabel, Remove-IotLabel, Move-IotDevice; error model with retry hints; shared rate limiter; local API emulator.'
        }
    }
}
