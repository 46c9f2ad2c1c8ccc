# Starts a child PowerShell of the same kind as the one running, under every host: pwsh from a package or MSI, the
# .NET tool (the process is `dotnet`, PowerShell is $PSHOME/pwsh.dll), and Windows PowerShell 5.1 (powershell.exe).
# Used by build.ps1 and the Pester suite; the one place that knows how.
Set-StrictMode -Version 3.0

function Resolve-ChildPowerShell {
    <#
    .SYNOPSIS
        The program and leading arguments that start a PowerShell like this one: @{ FilePath; ArgumentList }.
    #>
    [CmdletBinding()]
    param(
        # The running process's executable (the parameters exist so tests can ask about other hosts).
        [string] $ProcessPath = (Get-Process -Id $PID).Path,
        [string] $PowerShellHome = $PSHOME,
        [string] $Edition = $PSVersionTable.PSEdition
    )
    $leaf = [System.IO.Path]::GetFileNameWithoutExtension($ProcessPath)
    if ($Edition -eq 'Desktop') {
        return [pscustomobject]@{ FilePath = [System.IO.Path]::Combine($PowerShellHome, 'powershell.exe'); ArgumentList = @() }
    }
    if ($leaf -in 'pwsh', 'pwsh-preview') {
        return [pscustomobject]@{ FilePath = $ProcessPath; ArgumentList = @() }
    }
    # The .NET tool host (`dotnet pwsh`, `dotnet tool run pwsh`), or PowerShell hosted by another program: run the
    # pwsh.dll of this $PSHOME with the dotnet that runs this process (or the one on PATH).
    $dll = [System.IO.Path]::Combine($PowerShellHome, 'pwsh.dll')
    $dotnet = if ($leaf -eq 'dotnet') { $ProcessPath } else { 'dotnet' }
    $native = [System.IO.Path]::Combine($PowerShellHome, $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
    if ($leaf -ne 'dotnet' -and (Test-Path -LiteralPath $native)) {
        return [pscustomobject]@{ FilePath = $native; ArgumentList = @() }
    }
    [pscustomobject]@{ FilePath = $dotnet; ArgumentList = @($dll) }
}

function Invoke-ChildPowerShell {
    <#
    .SYNOPSIS
        Runs a command or script file in a new PowerShell process (-NoProfile -NonInteractive) and writes its output;
        $LASTEXITCODE is the child's exit code.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Command')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Command', Position = 0)] [string] $Command,
        [Parameter(Mandatory, ParameterSetName = 'File')] [string] $File,
        # Arguments after -File's path.
        [Parameter(ParameterSetName = 'File')] [string[]] $ArgumentList = @()
    )
    $child = Resolve-ChildPowerShell
    $arguments = @($child.ArgumentList) + @('-NoProfile', '-NonInteractive')
    $arguments += if ($PSCmdlet.ParameterSetName -eq 'File') { @('-File', $File) + $ArgumentList } else { @('-Command', $Command) }
    & $child.FilePath @arguments
}

Export-ModuleMember -Function Resolve-ChildPowerShell, Invoke-ChildPowerShell
