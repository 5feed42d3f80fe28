/**
 * The demo service desks' request types and the words people use for them, in English and
 * German. Texts are templates: `{slot}` is filled from ./slots. Several request types share
 * vocabulary on purpose (access card vs. access request, meeting-room booking vs. Teams
 * meetings, onboarding in HR vs. a new laptop in IT) so classification is learnable but not trivial.
 */

export type DeskKey = 'IT' | 'HR' | 'FAC';
export const PRIORITIES = ['Lowest', 'Low', 'Medium', 'High', 'Highest'] as const;
export type PriorityName = (typeof PRIORITIES)[number];

export interface Phrasebook {
  summaries: readonly string[];
  bodies: readonly string[];
  /** How an agent closed it: the "solved before like this" comment. */
  fixes: readonly string[];
}

export interface RequestTypeSpec {
  desk: DeskKey;
  name: string;
  description: string;
  issueType: 'Service Request' | 'Incident' | 'Service Request with Approvals';
  category: string;
  team: string;
  components: readonly string[];
  labels: readonly string[];
  /** Relative weights for Lowest … Highest. */
  priority: readonly [number, number, number, number, number];
  /** Typical hours from creation to resolution. */
  medianHours: number;
  /** Relative frequency within its desk. */
  weight: number;
  en: Phrasebook;
  de: Phrasebook;
}

export interface DeskSpec {
  key: DeskKey;
  name: string;
  /** Share of German tickets. */
  germanShare: number;
  /** Share of all tickets. */
  share: number;
  teams: readonly string[];
}

export const DESKS: readonly DeskSpec[] = [
  {
    key: 'IT',
    name: 'IT Service Desk',
    germanShare: 0.45,
    share: 0.6,
    teams: ['Service Desk L1', 'Identity & Access', 'Network', 'Workplace', 'Business Applications'],
  },
  { key: 'HR', name: 'HR Services', germanShare: 0.6, share: 0.2, teams: ['HR Operations', 'Payroll'] },
  {
    key: 'FAC',
    name: 'Facilities',
    germanShare: 0.55,
    share: 0.2,
    teams: ['Building Services', 'Workplace Facilities'],
  },
];

export const REQUEST_TYPES: readonly RequestTypeSpec[] = [
  {
    desk: 'IT',
    name: 'Reset a password',
    description: 'Forgotten password, locked account or MFA reset.',
    issueType: 'Service Request',
    category: 'Access',
    team: 'Identity & Access',
    components: ['Active Directory', 'MFA'],
    labels: ['password', 'account-locked', 'mfa'],
    priority: [1, 3, 6, 3, 1],
    medianHours: 2,
    weight: 14,
    en: {
      summaries: [
        'Password reset needed',
        'Account locked out',
        'Cannot log in - password expired',
        'Forgot my password for {app}',
        'MFA reset after phone change',
        'locked out of my account again',
      ],
      bodies: [
        'I have been locked out of my account after too many attempts. My username is {user}. Could you please unlock it?',
        'My password expired while I was on holiday and now I cannot sign in to Windows or {app}.',
        'I got a new phone and the authenticator app no longer works, so I cannot complete the MFA prompt. Error {mfaerror}.',
        'The self-service reset at {url} says my account is disabled. I need access for a deadline today.',
      ],
      fixes: [
        'Unlocked the account in AD and sent a temporary password by SMS; user changed it at first login.',
        'Reset MFA registration, user re-enrolled the authenticator on the new phone.',
        'Password expired; guided the user through the self-service reset portal.',
      ],
    },
    de: {
      summaries: [
        'Passwort zurücksetzen',
        'Konto gesperrt',
        'Kann mich nicht anmelden - Passwort abgelaufen',
        'Passwort für {app} vergessen',
        'MFA zurücksetzen nach Handywechsel',
        'Benutzerkonto schon wieder gesperrt',
      ],
      bodies: [
        'Mein Konto wurde nach mehreren Fehlversuchen gesperrt. Benutzername: {user}. Bitte entsperren.',
        'Mein Passwort ist während meines Urlaubs abgelaufen, jetzt komme ich weder in Windows noch in {app} rein.',
        'Ich habe ein neues Handy und die Authenticator-App funktioniert nicht mehr, die MFA-Abfrage schlägt fehl. Fehler {mfaerror}.',
        'Der Self-Service unter {url} meldet, dass mein Konto deaktiviert ist. Ich brauche heute noch Zugriff.',
      ],
      fixes: [
        'Konto im AD entsperrt und Initialpasswort per SMS geschickt, Benutzer hat es bei der Anmeldung geändert.',
        'MFA-Registrierung zurückgesetzt, Authenticator auf dem neuen Handy neu eingerichtet.',
        'Passwort war abgelaufen, Benutzer über das Self-Service-Portal zurückgesetzt.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'VPN and remote access',
    description: 'VPN client problems and remote access from home.',
    issueType: 'Incident',
    category: 'Network',
    team: 'Network',
    components: ['VPN', 'Remote Access'],
    labels: ['vpn', 'homeoffice', 'globalprotect'],
    priority: [0, 2, 5, 4, 1],
    medianHours: 6,
    weight: 10,
    en: {
      summaries: [
        'VPN not connecting',
        'Cannot connect to VPN from home',
        'GlobalProtect keeps disconnecting',
        'VPN error {vpnerror}',
        'Remote access very slow over VPN',
      ],
      bodies: [
        'Since this morning the VPN client shows "{vpnerror}" and I cannot reach any internal system from home.',
        'GlobalProtect connects for a minute and then drops. My home IP is {ip}, laptop {host}.',
        'Working from home today; the VPN connects but {app} and the file shares time out.',
      ],
      fixes: [
        'Gateway certificate was outdated on the client; pushed the new portal config and reconnected.',
        'Home router blocked IPsec; switched the client to SSL fallback, connection stable.',
        'Reinstalled the VPN client (version {version}) and cleared the cached portal.',
      ],
    },
    de: {
      summaries: [
        'VPN verbindet nicht',
        'Keine VPN-Verbindung aus dem Homeoffice',
        'GlobalProtect trennt ständig die Verbindung',
        'VPN Fehler {vpnerror}',
        'Fernzugriff über VPN sehr langsam',
      ],
      bodies: [
        'Seit heute früh zeigt der VPN-Client "{vpnerror}" an und ich erreiche aus dem Homeoffice keine internen Systeme.',
        'GlobalProtect verbindet sich kurz und bricht dann ab. Meine IP zuhause ist {ip}, Rechner {host}.',
        'Bin heute im Homeoffice, VPN steht zwar, aber {app} und die Netzlaufwerke laufen in einen Timeout.',
      ],
      fixes: [
        'Zertifikat des Gateways war auf dem Client veraltet, neue Portal-Konfiguration verteilt.',
        'Heimrouter hat IPsec blockiert, Client auf SSL-Fallback umgestellt, Verbindung stabil.',
        'VPN-Client neu installiert (Version {version}) und Portal-Cache geleert.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Laptop or hardware problem',
    description: 'Broken or faulty laptops, docking stations, monitors.',
    issueType: 'Incident',
    category: 'Hardware',
    team: 'Workplace',
    components: ['Laptop', 'Docking Station', 'Monitor'],
    labels: ['hardware', 'laptop', 'dock'],
    priority: [1, 3, 5, 2, 0],
    medianHours: 30,
    weight: 9,
    en: {
      summaries: [
        'Laptop does not start',
        'Docking station not detecting monitors',
        'Broken screen on {device}',
        'Battery drains very fast',
        'Keyboard keys not working',
        'Second monitor flickering',
      ],
      bodies: [
        'My {device} does not boot anymore, the power LED blinks three times and then nothing happens.',
        'When I plug the laptop into the dock at desk {room} the external monitors stay black.',
        'I dropped my laptop and now the display has a crack across the left side. Asset tag {asset}.',
        'Battery goes from 100% to 20% in an hour, even with only Outlook open. {device}, about three years old.',
      ],
      fixes: [
        'Replaced the mainboard under warranty; laptop returned to the user.',
        'Updated the dock firmware and display driver; both monitors detected again.',
        'Swapped the laptop for a loaner and sent the device for screen repair.',
      ],
    },
    de: {
      summaries: [
        'Laptop startet nicht',
        'Dockingstation erkennt Monitore nicht',
        'Display von {device} gebrochen',
        'Akku entlädt sich sehr schnell',
        'Tastatur reagiert nicht',
        'Zweiter Monitor flackert',
      ],
      bodies: [
        'Mein {device} fährt nicht mehr hoch, die Power-LED blinkt dreimal und dann passiert nichts.',
        'Wenn ich den Laptop an der Dockingstation am Platz {room} anschließe, bleiben die Monitore schwarz.',
        'Mir ist der Laptop runtergefallen, das Display hat jetzt einen Riss. Inventarnummer {asset}.',
        'Der Akku ist in einer Stunde von 100% auf 20%, obwohl nur Outlook läuft. {device}, ca. drei Jahre alt.',
      ],
      fixes: [
        'Mainboard in Garantie getauscht, Gerät an den Benutzer zurückgegeben.',
        'Firmware der Dockingstation und Grafiktreiber aktualisiert, beide Monitore laufen wieder.',
        'Leihgerät ausgegeben und Laptop zur Displayreparatur geschickt.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Request new software',
    description: 'Install or license software on a work device.',
    issueType: 'Service Request with Approvals',
    category: 'Software',
    team: 'Workplace',
    components: ['Software Center', 'Licensing'],
    labels: ['software', 'license', 'install'],
    priority: [2, 5, 4, 1, 0],
    medianHours: 40,
    weight: 8,
    en: {
      summaries: [
        'Please install {software}',
        'Need a license for {software}',
        'Software request: {software}',
        'Install {software} on my laptop',
        '{software} missing in Software Center',
      ],
      bodies: [
        'For the new project I need {software} on my machine {host}. My manager {person} has approved it.',
        'Could you assign me a {software} license? The trial ran out yesterday.',
        '{software} is not listed in the Software Center, can it be installed manually?',
      ],
      fixes: [
        'License assigned and package deployed via Software Center.',
        'Installed {software} remotely after manager approval.',
        'Added the user to the deployment group; install finished overnight.',
      ],
    },
    de: {
      summaries: [
        'Bitte {software} installieren',
        'Lizenz für {software} benötigt',
        'Softwareanfrage: {software}',
        '{software} auf meinem Laptop installieren',
        '{software} fehlt im Softwarecenter',
      ],
      bodies: [
        'Für das neue Projekt brauche ich {software} auf meinem Rechner {host}. Freigabe von {person} liegt vor.',
        'Könnt ihr mir bitte eine {software}-Lizenz zuweisen? Die Testversion ist gestern abgelaufen.',
        '{software} wird im Softwarecenter nicht angezeigt, kann das manuell installiert werden?',
      ],
      fixes: [
        'Lizenz zugewiesen und Paket über das Softwarecenter verteilt.',
        '{software} nach Freigabe durch die Führungskraft remote installiert.',
        'Benutzer zur Verteilungsgruppe hinzugefügt, Installation lief über Nacht.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Email and calendar',
    description: 'Outlook, mailbox, shared calendars and distribution lists.',
    issueType: 'Incident',
    category: 'Collaboration',
    team: 'Service Desk L1',
    components: ['Exchange Online', 'Outlook'],
    labels: ['outlook', 'mailbox', 'calendar'],
    priority: [1, 3, 5, 2, 1],
    medianHours: 8,
    weight: 10,
    en: {
      summaries: [
        'Outlook not syncing',
        'Mailbox full',
        'Cannot open shared mailbox {mailbox}',
        'Calendar invites not arriving',
        'Outlook crashes on start',
        'Please add me to distribution list {mailbox}',
      ],
      bodies: [
        'Outlook has been stuck on "Updating folder" since yesterday; new mail only shows up on my phone.',
        'I get a warning that my mailbox is full and I cannot send anything anymore.',
        'I need access to the shared mailbox {mailbox} for our team, {person} already has it.',
        'People tell me they sent meeting invites but they never arrive in my calendar.',
      ],
      fixes: [
        'Recreated the Outlook profile; mailbox synchronised again.',
        'Enabled the online archive and moved old items; mailbox below quota.',
        'Granted full access to the shared mailbox; it appears in Outlook after restart.',
      ],
    },
    de: {
      summaries: [
        'Outlook synchronisiert nicht',
        'Postfach voll',
        'Kein Zugriff auf Funktionspostfach {mailbox}',
        'Kalendereinladungen kommen nicht an',
        'Outlook stürzt beim Start ab',
        'Bitte in Verteiler {mailbox} aufnehmen',
      ],
      bodies: [
        'Outlook hängt seit gestern bei "Ordner wird aktualisiert", neue Mails sehe ich nur am Handy.',
        'Ich bekomme die Meldung, dass mein Postfach voll ist, und kann nichts mehr senden.',
        'Ich brauche Zugriff auf das Funktionspostfach {mailbox} für unser Team, {person} hat schon Zugriff.',
        'Kollegen schicken mir Besprechungseinladungen, die aber nie in meinem Kalender landen.',
      ],
      fixes: [
        'Outlook-Profil neu angelegt, Postfach synchronisiert wieder.',
        'Online-Archiv aktiviert und alte Elemente verschoben, Postfach unter dem Limit.',
        'Vollzugriff auf das Funktionspostfach vergeben, erscheint nach Neustart in Outlook.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Printer and scanning',
    description: 'Printing, scanning and follow-me print.',
    issueType: 'Incident',
    category: 'Hardware',
    team: 'Service Desk L1',
    components: ['Printer'],
    labels: ['printer', 'scan'],
    priority: [2, 5, 3, 1, 0],
    medianHours: 12,
    weight: 6,
    en: {
      summaries: [
        'Printer not printing',
        'Printer {printer} offline',
        'Scan to email not working',
        'Paper jam on {printer}',
        'Cannot add printer on my laptop',
      ],
      bodies: [
        'The printer {printer} on floor {floor} shows offline for everyone, jobs just stay in the queue.',
        'Scan to email sends nothing; the display says "SMTP error".',
        'Follow-me printing does not release my jobs when I badge at the printer.',
      ],
      fixes: [
        'Printer had lost its IP reservation; fixed the DHCP entry and restarted the spooler.',
        'Updated the SMTP relay settings on the device; scan to email works.',
        'Cleared the jam and replaced the fuser unit.',
      ],
    },
    de: {
      summaries: [
        'Drucker druckt nicht',
        'Drucker {printer} offline',
        'Scan to Mail funktioniert nicht',
        'Papierstau am {printer}',
        'Drucker lässt sich nicht hinzufügen',
      ],
      bodies: [
        'Der Drucker {printer} im {floor}. OG ist für alle offline, die Aufträge bleiben in der Warteschlange.',
        'Scan to Mail verschickt nichts, am Display steht "SMTP-Fehler".',
        'Follow-Me-Druck gibt meine Aufträge nicht frei, wenn ich die Karte an den Drucker halte.',
      ],
      fixes: [
        'Drucker hatte seine IP-Reservierung verloren, DHCP-Eintrag korrigiert und Spooler neu gestartet.',
        'SMTP-Relay am Gerät angepasst, Scan to Mail funktioniert.',
        'Papierstau entfernt und Fixiereinheit getauscht.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Request access to an application',
    description: 'Roles and permissions in business applications.',
    issueType: 'Service Request with Approvals',
    category: 'Access',
    team: 'Business Applications',
    components: ['SAP', 'Jira', 'SharePoint'],
    labels: ['access-request', 'permissions', 'sap'],
    priority: [1, 4, 5, 2, 0],
    medianHours: 24,
    weight: 9,
    en: {
      summaries: [
        'Access request for {app}',
        'Need permissions in {app}',
        'Please grant me the role {role} in {app}',
        'No access to SharePoint site',
        'Missing authorisation in SAP transaction {tcode}',
      ],
      bodies: [
        'I moved to the {dept} team and need the {role} role in {app}. Approver: {person}.',
        'When I open {url} I get "access denied". I need read access for the audit.',
        'SAP says I am not authorised for transaction {tcode}. I need it for the month-end closing.',
      ],
      fixes: [
        'Role assigned in {app} after approval by the data owner.',
        'Added the user to the site members group; access confirmed.',
        "Authorisation object added to the user's SAP role.",
      ],
    },
    de: {
      summaries: [
        'Berechtigung für {app} beantragen',
        'Zugriff auf {app} benötigt',
        'Bitte Rolle {role} in {app} zuweisen',
        'Kein Zugriff auf SharePoint-Seite',
        'Fehlende Berechtigung für SAP-Transaktion {tcode}',
      ],
      bodies: [
        'Ich bin ins Team {dept} gewechselt und brauche die Rolle {role} in {app}. Genehmiger: {person}.',
        'Beim Öffnen von {url} kommt "Zugriff verweigert". Ich brauche Lesezugriff für die Prüfung.',
        'SAP meldet, dass ich für die Transaktion {tcode} nicht berechtigt bin. Brauche sie für den Monatsabschluss.',
      ],
      fixes: [
        'Rolle in {app} nach Genehmigung durch den Dateneigentümer zugewiesen.',
        'Benutzer zur Mitgliedergruppe der Seite hinzugefügt, Zugriff bestätigt.',
        'Berechtigungsobjekt in der SAP-Rolle ergänzt.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Wi-Fi and network',
    description: 'Wireless, LAN ports and network outages in offices.',
    issueType: 'Incident',
    category: 'Network',
    team: 'Network',
    components: ['WLAN', 'LAN'],
    labels: ['wifi', 'network', 'outage'],
    priority: [0, 2, 5, 4, 2],
    medianHours: 5,
    weight: 7,
    en: {
      summaries: [
        'No Wi-Fi in {building}',
        'Wi-Fi very slow on floor {floor}',
        'Network port at desk {room} dead',
        'Guest Wi-Fi not working',
        'Internet down in the {city} office',
      ],
      bodies: [
        'The corporate Wi-Fi keeps dropping in {building}, floor {floor}. Several colleagues have the same problem.',
        'The network socket at desk {room} has no link, the laptop shows "unidentified network".',
        'Visitors cannot log in to the guest Wi-Fi, the portal page {url} does not load.',
      ],
      fixes: [
        'Access point on floor {floor} had crashed; rebooted it and updated its firmware.',
        'Patched the desk port to the correct VLAN.',
        'Renewed the certificate on the guest portal.',
      ],
    },
    de: {
      summaries: [
        'Kein WLAN in {building}',
        'WLAN sehr langsam im {floor}. OG',
        'Netzwerkdose am Platz {room} ohne Funktion',
        'Gäste-WLAN funktioniert nicht',
        'Internet im Büro {city} ausgefallen',
      ],
      bodies: [
        'Das Firmen-WLAN bricht in {building}, {floor}. OG ständig ab. Mehrere Kollegen haben das gleiche Problem.',
        'Die Netzwerkdose am Platz {room} hat keinen Link, der Laptop zeigt "Nicht identifiziertes Netzwerk".',
        'Besucher können sich nicht im Gäste-WLAN anmelden, die Seite {url} lädt nicht.',
      ],
      fixes: [
        'Access Point im {floor}. OG war abgestürzt, neu gestartet und Firmware aktualisiert.',
        'Port am Switch ins richtige VLAN gepatcht.',
        'Zertifikat des Gästeportals erneuert.',
      ],
    },
  },
  {
    desk: 'IT',
    name: 'Get help with Teams or video meetings',
    description: 'Teams, Zoom and meeting room video systems.',
    issueType: 'Incident',
    category: 'Collaboration',
    team: 'Service Desk L1',
    components: ['Teams', 'Meeting Rooms AV'],
    labels: ['teams', 'video', 'meeting'],
    priority: [1, 4, 5, 2, 0],
    medianHours: 6,
    weight: 6,
    en: {
      summaries: [
        'Teams camera not working',
        'No sound in Teams meetings',
        'Meeting room screen not connecting to Teams',
        'Teams keeps signing me out',
        'Cannot share screen in meetings',
      ],
      bodies: [
        'In every Teams meeting the others cannot hear me, the headset works fine in other apps.',
        'The video system in meeting room {room} does not join the scheduled Teams meeting.',
        'Screen sharing is greyed out since the last update ({version}).',
      ],
      fixes: [
        'Reset the Teams cache and reselected the audio device.',
        'Re-registered the meeting room account on the video bar.',
        'Rolled out the Teams client update that fixes screen sharing.',
      ],
    },
    de: {
      summaries: [
        'Kamera in Teams geht nicht',
        'Kein Ton in Teams-Besprechungen',
        'Besprechungsraum-Bildschirm verbindet sich nicht mit Teams',
        'Teams meldet mich ständig ab',
        'Bildschirm teilen nicht möglich',
      ],
      bodies: [
        'In jeder Teams-Besprechung hören mich die anderen nicht, das Headset funktioniert in anderen Programmen.',
        'Das Videosystem im Besprechungsraum {room} tritt der geplanten Teams-Besprechung nicht bei.',
        'Bildschirm teilen ist seit dem letzten Update ({version}) ausgegraut.',
      ],
      fixes: [
        'Teams-Cache zurückgesetzt und Audiogerät neu gewählt.',
        'Raumkonto am Videosystem neu registriert.',
        'Teams-Update verteilt, das das Teilen wieder ermöglicht.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Payroll question',
    description: 'Questions about salary statements, deductions and payments.',
    issueType: 'Service Request',
    category: 'Payroll',
    team: 'Payroll',
    components: ['Payroll'],
    labels: ['payroll', 'salary'],
    priority: [1, 4, 5, 2, 0],
    medianHours: 48,
    weight: 10,
    en: {
      summaries: [
        'Question about my payslip for {month}',
        'Salary not received',
        'Wrong tax class on payslip',
        'Overtime not paid in {month}',
        'Bonus missing from salary',
      ],
      bodies: [
        'My payslip for {month} shows a deduction I do not understand. Could someone explain it?',
        'My salary for {month} has not arrived in my bank account yet. Employee number {empno}.',
        'The overtime I recorded in {month} ({hours} hours) is not on my payslip.',
      ],
      fixes: [
        'Explained the deduction (company pension); corrected payslip not needed.',
        'Payment was delayed by the bank; confirmed transfer on {date}.',
        'Overtime added in the next payroll run as a correction.',
      ],
    },
    de: {
      summaries: [
        'Frage zur Gehaltsabrechnung {month}',
        'Gehalt nicht eingegangen',
        'Falsche Steuerklasse auf der Abrechnung',
        'Überstunden im {month} nicht ausgezahlt',
        'Bonus fehlt in der Gehaltsabrechnung',
      ],
      bodies: [
        'Auf meiner Gehaltsabrechnung für {month} ist ein Abzug, den ich nicht verstehe. Kann mir das jemand erklären?',
        'Mein Gehalt für {month} ist noch nicht auf meinem Konto eingegangen. Personalnummer {empno}.',
        'Die im {month} erfassten Überstunden ({hours} Stunden) fehlen auf meiner Abrechnung.',
      ],
      fixes: [
        'Abzug erklärt (betriebliche Altersvorsorge), keine Korrektur nötig.',
        'Zahlung hatte sich bei der Bank verzögert, Überweisung am {date} bestätigt.',
        'Überstunden im nächsten Abrechnungslauf als Korrektur nachgezahlt.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Leave and absence',
    description: 'Vacation, sick leave, parental leave and absence records.',
    issueType: 'Service Request',
    category: 'Time & Absence',
    team: 'HR Operations',
    components: ['Time Tracking'],
    labels: ['vacation', 'absence', 'sick-leave'],
    priority: [2, 5, 4, 1, 0],
    medianHours: 30,
    weight: 9,
    en: {
      summaries: [
        'Vacation days not showing correctly',
        'Submit sick note',
        'Parental leave request',
        'Remaining leave from last year',
        'Absence not approved in {hrsystem}',
      ],
      bodies: [
        'My remaining vacation in {hrsystem} shows {days} days but I should have {days2}.',
        'Attached is my sick note from {date} to {date2}. How do I record it?',
        'I would like to apply for parental leave starting {month}. What documents do you need?',
      ],
      fixes: [
        'Corrected the leave balance; carry-over from last year had not been booked.',
        'Recorded the sick leave and confirmed receipt of the certificate.',
        'Sent the parental leave form and confirmed the dates with the manager.',
      ],
    },
    de: {
      summaries: [
        'Urlaubstage werden falsch angezeigt',
        'Krankmeldung einreichen',
        'Antrag auf Elternzeit',
        'Resturlaub aus dem Vorjahr',
        'Abwesenheit in {hrsystem} nicht genehmigt',
      ],
      bodies: [
        'In {hrsystem} stehen bei mir {days} Tage Resturlaub, es müssten aber {days2} sein.',
        'Anbei meine Arbeitsunfähigkeitsbescheinigung vom {date} bis {date2}. Wie trage ich das ein?',
        'Ich möchte ab {month} Elternzeit beantragen. Welche Unterlagen braucht ihr?',
      ],
      fixes: [
        'Urlaubskonto korrigiert, der Übertrag aus dem Vorjahr war nicht gebucht.',
        'Krankmeldung erfasst und Eingang der AU bestätigt.',
        'Formular für Elternzeit geschickt und Termine mit der Führungskraft abgestimmt.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Onboard a new employee',
    description: 'Contracts, first day, equipment and accounts for new hires.',
    issueType: 'Service Request with Approvals',
    category: 'Onboarding',
    team: 'HR Operations',
    components: ['Onboarding'],
    labels: ['onboarding', 'new-hire'],
    priority: [0, 3, 5, 3, 0],
    medianHours: 72,
    weight: 6,
    en: {
      summaries: [
        'New employee starting on {date}',
        'Onboarding for {person}',
        'New hire in {dept}: accounts and laptop',
        'Start date for new colleague',
      ],
      bodies: [
        '{person} joins the {dept} team on {date}. Please prepare contract, badge, laptop and accounts.',
        'We have a new working student starting next month. What do I need to submit for onboarding?',
        'New hire {person}: needs a laptop, access to {app} and a desk in {building}.',
      ],
      fixes: [
        'Onboarding checklist completed; IT and facilities tasks created and done.',
        'Contract signed, personnel file created, welcome mail sent.',
      ],
    },
    de: {
      summaries: [
        'Neuer Mitarbeiter ab {date}',
        'Onboarding für {person}',
        'Neueinstellung {dept}: Zugänge und Laptop',
        'Starttermin neue Kollegin',
      ],
      bodies: [
        '{person} fängt am {date} im Team {dept} an. Bitte Vertrag, Ausweis, Laptop und Zugänge vorbereiten.',
        'Bei uns fängt nächsten Monat ein Werkstudent an. Was muss ich für das Onboarding einreichen?',
        'Neueinstellung {person}: braucht Laptop, Zugriff auf {app} und einen Arbeitsplatz in {building}.',
      ],
      fixes: [
        'Onboarding-Checkliste abgeschlossen, IT- und Facility-Aufgaben erledigt.',
        'Vertrag unterschrieben, Personalakte angelegt, Willkommensmail verschickt.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Offboarding',
    description: 'Leavers: last day, equipment return, references.',
    issueType: 'Service Request',
    category: 'Offboarding',
    team: 'HR Operations',
    components: ['Offboarding'],
    labels: ['offboarding', 'leaver'],
    priority: [1, 4, 5, 1, 0],
    medianHours: 96,
    weight: 4,
    en: {
      summaries: [
        'Employee leaving on {date}',
        'Offboarding {person}',
        'Return of equipment after resignation',
        'Last working day and remaining leave',
      ],
      bodies: [
        '{person} from {dept} leaves the company on {date}. Please start the offboarding process.',
        'I resigned and my last day is {date}. How do I return my laptop and badge?',
      ],
      fixes: [
        'Offboarding checklist done: accounts disabled on the last day, equipment returned.',
        'Remaining leave paid out with the final salary.',
      ],
    },
    de: {
      summaries: [
        'Mitarbeiter verlässt uns am {date}',
        'Offboarding {person}',
        'Rückgabe der Arbeitsmittel nach Kündigung',
        'Letzter Arbeitstag und Resturlaub',
      ],
      bodies: [
        '{person} aus {dept} verlässt das Unternehmen zum {date}. Bitte den Offboarding-Prozess starten.',
        'Ich habe gekündigt, mein letzter Tag ist der {date}. Wie gebe ich Laptop und Ausweis zurück?',
      ],
      fixes: [
        'Offboarding-Checkliste erledigt: Zugänge am letzten Tag deaktiviert, Geräte zurückgegeben.',
        'Resturlaub mit der letzten Abrechnung ausgezahlt.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Request a certificate or letter',
    description: 'Employment certificates, references, confirmations.',
    issueType: 'Service Request',
    category: 'Documents',
    team: 'HR Operations',
    components: ['Documents'],
    labels: ['certificate', 'reference'],
    priority: [2, 5, 3, 1, 0],
    medianHours: 60,
    weight: 5,
    en: {
      summaries: [
        'Employment confirmation for landlord',
        'Interim reference requested',
        'Certificate of employment needed',
        'Salary confirmation for bank loan',
      ],
      bodies: [
        'For my new flat the landlord needs a confirmation of employment. Could you send one by {date}?',
        'I would like an interim reference because my manager is changing.',
        'My bank asks for a salary confirmation for a loan application.',
      ],
      fixes: [
        'Confirmation issued and sent as PDF.',
        'Interim reference written with the manager and sent by mail.',
      ],
    },
    de: {
      summaries: [
        'Arbeitgeberbescheinigung für Vermieter',
        'Zwischenzeugnis beantragen',
        'Arbeitsbescheinigung benötigt',
        'Gehaltsbestätigung für Kredit',
      ],
      bodies: [
        'Für meine neue Wohnung braucht der Vermieter eine Arbeitgeberbescheinigung. Könnt ihr die bis {date} schicken?',
        'Ich hätte gern ein Zwischenzeugnis, da meine Führungskraft wechselt.',
        'Meine Bank verlangt eine Gehaltsbestätigung für einen Kreditantrag.',
      ],
      fixes: [
        'Bescheinigung ausgestellt und als PDF verschickt.',
        'Zwischenzeugnis mit der Führungskraft erstellt und per Post geschickt.',
      ],
    },
  },
  {
    desk: 'HR',
    name: 'Benefits and pension',
    description: 'Company pension, bike leasing, benefits.',
    issueType: 'Service Request',
    category: 'Benefits',
    team: 'Payroll',
    components: ['Benefits'],
    labels: ['benefits', 'pension', 'bike-leasing'],
    priority: [2, 5, 3, 0, 0],
    medianHours: 80,
    weight: 4,
    en: {
      summaries: [
        'Company pension enrolment',
        'Bike leasing application',
        'Question about the job ticket',
        'Change pension contribution',
      ],
      bodies: [
        'I would like to join the company pension scheme. What is the employer contribution?',
        'I want to lease a bike through the company programme, the offer is attached.',
        'Can I increase my pension contribution from {month}?',
      ],
      fixes: [
        'Enrolment form processed; contribution starts with the next payroll.',
        'Bike leasing contract approved and sent for signature.',
      ],
    },
    de: {
      summaries: [
        'Anmeldung betriebliche Altersvorsorge',
        'Antrag Dienstradleasing',
        'Frage zum Jobticket',
        'bAV-Beitrag ändern',
      ],
      bodies: [
        'Ich möchte an der betrieblichen Altersvorsorge teilnehmen. Wie hoch ist der Arbeitgeberzuschuss?',
        'Ich möchte ein Dienstrad über das Firmenprogramm leasen, das Angebot hängt an.',
        'Kann ich meinen Beitrag zur Altersvorsorge ab {month} erhöhen?',
      ],
      fixes: [
        'Anmeldung bearbeitet, Beitrag startet mit der nächsten Abrechnung.',
        'Leasingvertrag genehmigt und zur Unterschrift verschickt.',
      ],
    },
  },
  {
    desk: 'FAC',
    name: 'Heating, cooling and air',
    description: 'Temperature, ventilation and air conditioning.',
    issueType: 'Incident',
    category: 'Building',
    team: 'Building Services',
    components: ['HVAC'],
    labels: ['heating', 'air-conditioning'],
    priority: [0, 3, 5, 3, 1],
    medianHours: 20,
    weight: 10,
    en: {
      summaries: [
        'Office too cold in {building}',
        'Heating not working in room {room}',
        'Air conditioning broken on floor {floor}',
        'It is very hot in the open space',
        'Radiator leaking in {room}',
      ],
      bodies: [
        'The temperature in room {room} is only 17 degrees, the radiator stays cold.',
        'The air conditioning on floor {floor} of {building} has been off since Monday, it is over 28 degrees.',
        'Water is dripping from the radiator in {room}, there is a puddle on the floor.',
      ],
      fixes: [
        'Bled the radiator and reset the thermostat valve.',
        'Technician replaced the faulty fan motor of the AC unit.',
        'Plumber sealed the radiator valve.',
      ],
    },
    de: {
      summaries: [
        'Büro in {building} zu kalt',
        'Heizung im Raum {room} geht nicht',
        'Klimaanlage im {floor}. OG defekt',
        'Es ist sehr warm im Großraumbüro',
        'Heizkörper in {room} undicht',
      ],
      bodies: [
        'Im Raum {room} hat es nur 17 Grad, der Heizkörper bleibt kalt.',
        'Die Klimaanlage im {floor}. OG von {building} ist seit Montag aus, es hat über 28 Grad.',
        'Am Heizkörper in {room} tropft Wasser, auf dem Boden ist schon eine Pfütze.',
      ],
      fixes: [
        'Heizkörper entlüftet und Thermostatventil zurückgesetzt.',
        'Techniker hat den defekten Lüftermotor der Klimaanlage getauscht.',
        'Installateur hat das Heizkörperventil abgedichtet.',
      ],
    },
  },
  {
    desk: 'FAC',
    name: 'Repair something in the office',
    description: 'Furniture, doors, lights, blinds, sanitary.',
    issueType: 'Incident',
    category: 'Maintenance',
    team: 'Building Services',
    components: ['Furniture', 'Lighting', 'Sanitary'],
    labels: ['repair', 'furniture', 'lighting'],
    priority: [1, 4, 5, 2, 0],
    medianHours: 40,
    weight: 10,
    en: {
      summaries: [
        'Desk height adjustment broken',
        'Light flickering in {room}',
        'Door to {room} does not close',
        'Blinds stuck on floor {floor}',
        'Toilet blocked on floor {floor}',
        'Office chair broken',
      ],
      bodies: [
        'The electric desk at {room} no longer goes up or down, the display shows {deskerror}.',
        'The ceiling light in {room} has been flickering for days, it gives me a headache.',
        'The blinds in {room} are stuck half way and the sun is blinding.',
      ],
      fixes: [
        'Replaced the desk control unit.',
        'Replaced the LED driver of the ceiling light.',
        'Repaired the blind motor; works again.',
      ],
    },
    de: {
      summaries: [
        'Höhenverstellung am Schreibtisch defekt',
        'Licht flackert in {room}',
        'Tür zu {room} schließt nicht',
        'Jalousie im {floor}. OG klemmt',
        'Toilette im {floor}. OG verstopft',
        'Bürostuhl kaputt',
      ],
      bodies: [
        'Der elektrische Schreibtisch an Platz {room} fährt nicht mehr hoch oder runter, im Display steht {deskerror}.',
        'Die Deckenleuchte in {room} flackert seit Tagen, davon bekomme ich Kopfschmerzen.',
        'Die Jalousie in {room} hängt auf halber Höhe fest und die Sonne blendet.',
      ],
      fixes: [
        'Steuerung des Schreibtischs getauscht.',
        'LED-Treiber der Deckenleuchte ersetzt.',
        'Jalousiemotor repariert, funktioniert wieder.',
      ],
    },
  },
  {
    desk: 'FAC',
    name: 'Book a meeting room or event',
    description: 'Room bookings, catering and event setup.',
    issueType: 'Service Request',
    category: 'Workplace',
    team: 'Workplace Facilities',
    components: ['Meeting Rooms', 'Catering'],
    labels: ['meeting-room', 'catering', 'event'],
    priority: [2, 5, 3, 1, 0],
    medianHours: 24,
    weight: 7,
    en: {
      summaries: [
        'Book large meeting room for {date}',
        'Catering for workshop on {date}',
        'Room setup for all-hands',
        'Meeting room double booked',
      ],
      bodies: [
        'We need a room for 20 people on {date} from 9 to 17 with catering and a projector.',
        'The meeting room {room} is double booked on {date}, the booking system shows both.',
        'For the town hall in {building} we need chairs for 120 people and microphones.',
      ],
      fixes: [
        'Room booked and catering ordered.',
        'Resolved the double booking and moved one meeting to room {room}.',
      ],
    },
    de: {
      summaries: [
        'Großen Besprechungsraum für {date} buchen',
        'Catering für Workshop am {date}',
        'Raumaufbau für Betriebsversammlung',
        'Besprechungsraum doppelt gebucht',
      ],
      bodies: [
        'Wir brauchen am {date} von 9 bis 17 Uhr einen Raum für 20 Personen mit Catering und Beamer.',
        'Der Besprechungsraum {room} ist am {date} doppelt gebucht, im Buchungssystem stehen beide.',
        'Für die Betriebsversammlung in {building} brauchen wir Stühle für 120 Personen und Mikrofone.',
      ],
      fixes: [
        'Raum gebucht und Catering bestellt.',
        'Doppelbuchung aufgelöst, ein Termin in Raum {room} verlegt.',
      ],
    },
  },
  {
    desk: 'FAC',
    name: 'Access card and keys',
    description: 'Badges, door access, keys and lockers.',
    issueType: 'Service Request',
    category: 'Security',
    team: 'Workplace Facilities',
    components: ['Access Control'],
    labels: ['badge', 'access-card', 'keys'],
    priority: [1, 3, 5, 3, 0],
    medianHours: 16,
    weight: 8,
    en: {
      summaries: [
        'Access card not working',
        'Lost my badge',
        'Need access to {building} after hours',
        'New key for locker',
        'Badge does not open the garage',
      ],
      bodies: [
        'My access card stopped working at the main entrance of {building} this morning.',
        'I lost my badge yesterday, please block it and issue a new one.',
        'I need door access to the lab in {building} outside office hours for a project.',
      ],
      fixes: [
        'Card was deactivated by a sync error; re-enabled the access profile.',
        'Blocked the lost card and issued a replacement at reception.',
        'Access profile extended after approval by the building manager.',
      ],
    },
    de: {
      summaries: [
        'Zutrittskarte funktioniert nicht',
        'Ausweis verloren',
        'Zutritt zu {building} außerhalb der Arbeitszeit',
        'Neuer Schlüssel für Spind',
        'Ausweis öffnet die Tiefgarage nicht',
      ],
      bodies: [
        'Meine Zutrittskarte funktioniert seit heute früh am Haupteingang von {building} nicht mehr.',
        'Ich habe gestern meinen Ausweis verloren, bitte sperren und einen neuen ausstellen.',
        'Ich brauche für ein Projekt Zutritt zum Labor in {building} außerhalb der Bürozeiten.',
      ],
      fixes: [
        'Karte durch einen Synchronisationsfehler deaktiviert, Zutrittsprofil wieder aktiviert.',
        'Verlorene Karte gesperrt und Ersatz am Empfang ausgegeben.',
        'Zutrittsprofil nach Freigabe durch die Hausverwaltung erweitert.',
      ],
    },
  },
  {
    desk: 'FAC',
    name: 'Parking and cleaning',
    description: 'Parking spaces, cleaning, waste and supplies.',
    issueType: 'Service Request',
    category: 'Services',
    team: 'Workplace Facilities',
    components: ['Parking', 'Cleaning'],
    labels: ['parking', 'cleaning'],
    priority: [3, 5, 3, 0, 0],
    medianHours: 36,
    weight: 5,
    en: {
      summaries: [
        'Parking space request',
        'Kitchen on floor {floor} not cleaned',
        'EV charging station broken',
        'Request extra cleaning after event',
      ],
      bodies: [
        'I would like to apply for a parking space in the garage of {building}.',
        'The kitchen on floor {floor} has not been cleaned since Friday, the dishwasher is full.',
        'The EV charger at space {room} shows a red light and does not start charging.',
      ],
      fixes: [
        'Parking space assigned from the waiting list.',
        'Informed the cleaning company; kitchen cleaned the same day.',
      ],
    },
    de: {
      summaries: [
        'Antrag auf Parkplatz',
        'Küche im {floor}. OG nicht gereinigt',
        'E-Ladesäule defekt',
        'Zusätzliche Reinigung nach Veranstaltung',
      ],
      bodies: [
        'Ich möchte einen Stellplatz in der Tiefgarage von {building} beantragen.',
        'Die Küche im {floor}. OG wurde seit Freitag nicht gereinigt, die Spülmaschine ist voll.',
        'Die Ladesäule am Stellplatz {room} leuchtet rot und startet keinen Ladevorgang.',
      ],
      fixes: [
        'Stellplatz aus der Warteliste zugewiesen.',
        'Reinigungsfirma informiert, Küche am selben Tag gereinigt.',
      ],
    },
  },
];

/**
 * Request types people mix up: a ticket filed under one is sometimes written like the other
 * (a meeting-room screen is IT's, a meeting-room booking is Facilities').
 */
export const CONFUSABLE: Readonly<Record<string, readonly string[]>> = {
  'Reset a password': ['Request access to an application', 'VPN and remote access'],
  'VPN and remote access': ['Wi-Fi and network', 'Reset a password'],
  'Wi-Fi and network': ['VPN and remote access'],
  'Laptop or hardware problem': ['Printer and scanning', 'Request new software'],
  'Request new software': ['Request access to an application', 'Laptop or hardware problem'],
  'Email and calendar': ['Get help with Teams or video meetings', 'Request access to an application'],
  'Get help with Teams or video meetings': ['Email and calendar', 'Book a meeting room or event'],
  'Request access to an application': ['Reset a password', 'Request new software'],
  'Printer and scanning': ['Laptop or hardware problem'],
  'Payroll question': ['Benefits and pension', 'Leave and absence'],
  'Leave and absence': ['Payroll question'],
  'Onboard a new employee': ['Offboarding', 'Request a certificate or letter'],
  Offboarding: ['Onboard a new employee'],
  'Request a certificate or letter': ['Payroll question'],
  'Benefits and pension': ['Payroll question'],
  'Heating, cooling and air': ['Repair something in the office'],
  'Repair something in the office': ['Heating, cooling and air', 'Parking and cleaning'],
  'Book a meeting room or event': ['Get help with Teams or video meetings'],
  'Access card and keys': ['Request access to an application', 'Parking and cleaning'],
  'Parking and cleaning': ['Access card and keys', 'Repair something in the office'],
};

/** What people write when they do not say much: the classifier should abstain on these. */
export const VAGUE: Readonly<
  Record<'en' | 'de', { summaries: readonly string[]; bodies: readonly string[] }>
> = {
  en: {
    summaries: [
      'Problem',
      'Help needed',
      'Issue',
      'Not working',
      'Question',
      'Urgent request',
      'Please call me back',
      'FW: see below',
    ],
    bodies: [
      'It does not work again. Please help.',
      'See the attached screenshot.',
      'Please call me back at {ip}, it is easier to explain on the phone.',
      'Same problem as last week, still not fixed.',
      'Can someone have a look at this?',
    ],
  },
  de: {
    summaries: [
      'Problem',
      'Hilfe benötigt',
      'Störung',
      'Geht nicht',
      'Frage',
      'Dringende Anfrage',
      'Bitte um Rückruf',
      'WG: siehe unten',
    ],
    bodies: [
      'Es geht schon wieder nicht. Bitte helfen.',
      'Siehe Screenshot im Anhang.',
      'Bitte ruft mich zurück, am Telefon ist es einfacher zu erklären.',
      'Gleiches Problem wie letzte Woche, immer noch nicht behoben.',
      'Kann sich das bitte jemand ansehen?',
    ],
  },
};
