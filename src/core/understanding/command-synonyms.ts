// More ways to say a command, for the intent classifier only (never matched as phrasings): the
// everyday words around each command that its phrasings do not carry — "opinnot etenee", "how's it
// going with my studies", "hur ligger jag till". The classifier learns them beside the phrasings, and
// they count as the command's own words when a guess is checked (intent-support.ts). Keyed by
// command id; an id no command has is an error at start (the registry test walks them). A value the
// command needs is written as its placeholder (xdate, xtime, xname, xplatform, xaccount, xtext:
// entities.ts), as the classifier reads a message.
import type { Lang } from '../../i18n/lang.ts';

export const COMMAND_SYNONYMS: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  progress: {
    fi: [
      'mitä xname kuuluu', 'miten xname menee', 'mitä xname on saanut tehtyä',
      'xname tilanne', 'miten xname on pärjännyt', 'paljonko xname on tekemättä', 'miten opinnot etenee', 'miten opiskelu sujuu', 'missä mennään',
      'mun eteneminen', 'paljonko on jäljellä', 'mitä on vielä tekemättä', 'miten olen pärjännyt', 'mun tilanne opinnoissa', 'kuinka pitkällä olen',
      'mitä mulla on viel tekemättä', 'mitkä vaatimukset on vielä näyttämättä', 'mitkä asiat olen jo näyttänyt', 'mitä olen jo tehnyt', 'paljonko on jo tehty',
      'mitä on vielä kattamatta', 'mitkä kohdat puuttuu', 'mitä puuttuu vielä', 'missä vaiheessa mun opinnot on', 'miten pitkällä olen',
      'kuinka pitkällä mä oon', 'näytä mitä on jäljellä', 'mitä on jo katettu', 'mitkä vaatimukset on täytetty', 'montako vaatimusta puuttuu',
      'mitkä on vielä suorittamatta', 'miten xname edistyy', 'mitä xname on vielä tekemättä', 'miten pitkällä xname on', 'paljonko xname on jäljellä',
      'onko xname näyttänyt kaiken', 'mitä xname puuttuu', 'xname edistyminen vaatimuksissa',
    ],
    en: [
      'can you show me xname progress', 'show me how xname is doing',
      'xname status', 'progress report', 'my progress report', 'status report for xname', 'how far along is xname', 'how is xname progressing', 'how is it going with my studies', 'how are my studies going', 'my status',
      'what is left to do', 'how far have i come', 'show how far i have got', 'how am i progressing', 'how is the student doing', 'what have i done so far',
      'what is still missing', 'which requirements have i covered', 'which requirements are still open', 'what remains', "what's remaining for me",
      'how much is still to do', 'how far along am i with the requirements', 'show what i have left', 'what have i not shown yet', 'my progress so far',
      'am i on track', 'how many requirements have i done', 'which requirements are done', 'what have i completed', 'what is still uncovered',
      'xname progress', 'how far has xname got', 'what has xname covered so far', 'what is xname still missing', 'is xname on track', 'show xname progress',
      'how is xname coming along', 'where is xname at with the requirements',
    ],
    sv: [
      'kolla xname framsteg', 'kolla mina framsteg', 'kolla läget för xname',
      'hur ligger xname till', 'hur går det för xname', 'hur går mina studier', 'hur ligger jag till', 'vad har jag kvar', 'hur långt jag har kommit',
      'min status', 'vad har jag kvar att göra', 'vad saknas för mig', 'vad har jag gjort hittills', 'hur långt har jag hunnit', 'hur mycket är kvar',
      'vad återstår', 'mina framsteg hittills', 'visa vad som saknas', 'ligger jag i fas', 'vad har jag redan visat', 'vilka krav har jag redan visat', 'vilka krav har jag inte visat', 'vad har jag inte visat ännu',
      'hur långt har xname kommit', 'vad har xname kvar', 'visa framstegen för xname', 'hur har xname klarat sig', 'vad saknar xname',
      'hur långt har xname hunnit',
    ],
  },
  reflect: {
    fi: [
      'aloitetaan reflektio', 'tehdään reflektio', 'voinko vastata päivän kysymykseen nyt', 'vastaan päivän kysymykseen jo nyt',
      'kirjaan päivän', 'täytän päivän lomakkeen', 'päiväkirja', 'päivän merkintä', 'haluan kertoa päivästä', 'päivän kysely auki',
      'haluan täyttää päivän kyselyn', 'teen päivän reflektion nyt', 'aloitetaan päivän pohdinta', 'avaa lomake', 'kirjoitan päivästä',
      'haluan kertoa mitä tein tänään', 'tän päivän kysely', 'päivän kysymys', 'vastaan päivän kysymykseen', 'haluun kirjata päivän', 'päivän kirjaus',
      'oppimispäiväkirja', 'täytetään päivän lomake', 'missä on päivän kysely', 'reflektoidaan tätä päivää', 'kirjaan mitä tein', 'päivän tehtävät kirjaan',
      'voinko täyttää päivän kyselyn nyt', 'täytän kyselyn jo nyt', 'haluan vastata kyselyyn nyt enkä odottaa', 'päivän kysely nyt heti',
    ],
    en: [
      'fill in the daily form', 'write about my day', 'daily log', 'log today', "let's do today's check-in", 'i want to do my reflection', "open today's form",
      'start my daily check-in', "answer today's question", 'let me write about today', 'record my day', "i'd like to reflect on today", 'daily journal',
      'learning diary', "where is today's question", 'write my reflection', "fill out today's reflection", 'time to reflect', 'log what i did today',
      'daily entry',
      "can i fill in today's check-in now", "fill in today's check-in now", "i'd like to do the check-in now instead of waiting", "do today's check-in now",
    ],
    sv: [
      'kan vi ta dagens reflektion', 'ta dagens reflektion nu',
      'fylla i dagens formulär', 'skriva om min dag', 'dagbok', 'logga dagen', 'jag vill fylla i dagens reflektion', 'öppna dagens formulär',
      'svara på dagens fråga', 'skicka dagens fråga nu', 'ge mig dagens fråga', 'skriva om dagen', 'dagens inlägg', 'lärdagbok', 'jag vill berätta om min dag', 'starta dagens reflektion',
      'var är dagens fråga', 'logga vad jag gjort idag', 'reflektera över dagen', 'dags att reflektera',
      'kan jag fylla i dagens fråga nu', 'jag vill svara på dagens fråga nu',
    ],
  },
  absent: {
    fi: [
      'olen sairaslomalla', 'olen kuumeessa', 'en tule töihin', 'jään kotiin sairaana', 'olen flunssassa', 'oon kipeä en pääse', 'olen sairas enkä pääse',
      'oon kipee en tuu', 'mä oon kipeenä kotona', 'olen sairaana kotona', 'minulla on kuumetta', 'mulla on kuume', 'mulla on flunssa', 'mulla on vatsatauti',
      'olen sairastunut', 'sairastuin yöllä', 'lapsi on sairas', 'lapsi sairastui yöllä', 'hoidan sairasta lasta kotona', 'olen lääkärissä', 'menen lääkäriin',
      'olen poissa töistä', 'en ole työpaikalla huomenna', 'olen huomenna poissa', 'pidän vapaapäivän', 'olen lomalla ens viikolla', 'ilmoitan poissaolosta',
      'ilmoitan sairastumisesta', 'sairaspoissaolo', 'poissaolo huomenna', 'joudun jäämään kotiin', 'olen kotona kipeenä', 'en pysty tulemaan töihin',
      'mulla on migreeni', 'en oo töissä huomenna', 'lääkäriaika aamulla', 'merkitse minut poissaolevaksi', 'kirjaa mulle poissaolo', 'merkkaa mut sairaaksi',
      'oon saikulla', 'olen saikulla tänään', 'jään kotiin tänään', 'jään tänään kotiin kipeenä', 'en oo tänään töissä', 'en ole huomenna töissä', 'mulla on koulupäivä huomenna en oo töissä', 'en pääse tänään', 'en pääse huomenna töihin', 'en taida päästä töihin', 'mulla on hammaslääkäri', 'hammaslääkäriaika huomenna', 'mulla on lääkäri tänään', 'oon kuumeessa kotona', 'kuumetta joten oon kotona', 'tänään en tuu', 'huomenna en tuu töihin', 'mulla on meno huomenna en pääse', 'oon tänään pois', 'jään pois töistä', 'olen estynyt tulemaan', 'en tule tänään', 'ei kyselyä tänään oon kipee',
    ],
    en: [
      'i am not feeling well', 'i have a fever', 'i will not come to work', 'staying home sick', 'i have the flu', "i'm ill and staying home",
      'i am sick and cannot come in', "i can't make it to work", "i won't be at work tomorrow", 'i have a cold', 'i have a temperature', "i've got the flu",
      "i'm staying home sick", 'my child is sick', 'my kid is ill so i stay home', "i have a doctor's appointment", "i'm at the doctor", 'i need a sick day',
      "i'm taking a day off", "i'm on holiday tomorrow", "i'm on vacation next week", 'i will be absent tomorrow', "i'm off work tomorrow", 'calling in sick',
      'i need to call in sick', 'reporting an absence', 'i feel sick', 'i threw up this morning', 'not coming in', 'i have a migraine and stay home',
      "i'm not able to come to work", 'mark me absent', 'mark me as sick', 'put me down as absent',
      "i'm off sick today", "i won't make it in today", "i won't be in tomorrow", "i'm not coming in today", "i'm staying at home today", 'i have a dentist appointment tomorrow', "i'm at school tomorrow so not at work", 'not at work tomorrow', "i'm sick so no check-in today", "can't come in today", 'off today', 'i have a fever so i stay home', "i'll be away tomorrow", "i won't be at work on friday", 'not at work on monday', "i won't be in on thursday",
    ],
    sv: [
      'jag har feber', 'jag stannar hemma', 'jag kommer inte till jobbet', 'jag mår inte bra', 'jag är sjuk och kan inte komma', 'jag kommer inte på jobbet',
      'sjuk i influensa', 'ont i huvudet och stannar hemma', 'jag är förkyld och stannar hemma', 'mitt barn är sjukt', 'jag är hemma med sjukt barn',
      'jag vårdar sjukt barn', 'jag är hos läkaren', 'läkartid i morgon', 'jag är ledig i morgon', 'på semester nästa vecka', 'jag är frånvarande',
      'sjukanmälan', 'jag sjukanmäler mig', 'jag är borta från jobbet', 'jag känner mig sjuk', 'jag är krasslig', 'jag e sjuk',
      'jag mår dåligt och stannar hemma', 'kan inte komma in', 'jag är magsjuk', 'jag tar ledigt i morgon', 'markera mig frånvarande', 'anteckna mig som sjuk',
      'jag är sjuk i dag', 'jag kommer inte i dag', 'jag är inte på jobbet i morgon', 'jag har tandläkartid i morgon', 'jag är hemma i dag', 'jag är sjukskriven', 'jag stannar hemma i dag med feber', 'jag är borta i morgon', 'jag har skoldag i morgon', 'jag kan inte komma i morgon',
    ],
  },
  resume: {
    fi: [
      'kyselyt uudestaan päälle', 'aloita kyselyt uudelleen', 'tauko on ohi', 'jatka kyselyitä taas', 'aloita kyselyt uudestaan', 'kyselyt takas päälle',
      'laita kyselyt taas päälle', 'tauko loppui', 'lopeta tauko nyt', 'peru tauko', 'peruuta tauko', 'voit taas kysellä', 'ala taas kysyä',
      'kysy taas joka päivä', 'palauta kyselyt', 'kyselyt jatkuu taas', 'jatketaan kyselyjä taas', 'oon taas töissä kysy taas', 'käynnistä kyselyt uudelleen',
      'päivittäiset kysymykset takaisin', 'tauko pois päältä', 'poista tauko', 'muistutukset takaisin päälle', 'palasin lomalta jatka kyselyjä',
      'ota tauko pois', 'tauko pois', 'voit jatkaa kyselyjä', 'voit taas lähettää kyselyt', 'jatka kyselyjä', 'olen taas töissä', 'palasin töihin', 'pääsin takaisin töihin', 'tulin takaisin', 'tauko voi loppua', 'lopeta tauko', 'kyselyt voi taas alkaa',
    ],
    en: [
      'start asking me again', 'the pause is over', 'turn the questions back on', 'resume the questions', 'start the daily questions again',
      'restart check-ins', 'restart the daily questions', 'continue the check-ins', 'unpause', 'unpause check-ins', 'cancel the pause',
      "i'm back from holiday", "i'm back you can ask again", 'turn the daily questions back on', 'please ask me again every day', 'end my break',
      'reactivate check-ins', 'switch the reminders on again', 'stop the pause', 'lift the pause', 'continue asking me', 'carry on with the questions',
      'take the pause off', "i'm back at work", 'you can ask me again', 'you can send the check-ins again', 'remove my pause', 'back at work now', 'end the pause now',
    ],
    sv: [
      'börja fråga igen', 'pausen är slut', 'slå på frågorna igen', 'återuppta frågorna', 'återuppta de dagliga frågorna', 'återuppta reflektionerna',
      'starta om frågorna', 'börja med frågorna igen', 'fortsätt fråga mig', 'avbryt pausen', 'ta bort pausen', 'jag är tillbaka fråga igen',
      'slå på incheckningarna igen', 'sätt igång frågorna igen', 'fortsätt med de dagliga frågorna', 'jag är tillbaka från semestern',
      'aktivera frågorna igen', 'påminnelserna på igen',
      'jag är tillbaka på jobbet', 'du kan fråga igen', 'ta bort min paus', 'avsluta pausen', 'du kan skicka frågorna igen',
    ],
  },
  summary: {
    fi: [
      'xname viikon yhteenveto', 'mitä xname on tehnyt tällä viikolla', 'xname viikko', 'viikon kooste', 'mitä tällä viikolla tehtiin', 'viikkoraportti',
      'yhteenveto viikosta', 'mitä tällä viikolla on tapahtunut', 'yhteenveto tästä viikosta', 'tee viikkoyhteenveto', 'näytä viikon yhteenveto',
      'miten viikko meni', 'kooste mun viikosta', 'viikkokatsaus', 'katsaus viikkoon', 'mitä tein tällä viikolla', 'viikon tiivistelmä', 'tiivistä viikko',
      'xname viikkokatsaus', 'miten xname viikko meni', 'kooste xname viikosta', 'tiivistä xname viikko', 'yhteenveto xname viikosta',
      'näytä mun viikko', 'näytä viikon kooste nyt', 'lähetä viikkokooste nyt', 'xname viikkokooste nyt', 'haluan xname viikkoyhteenvedon nyt', 'tee viikkoyhteenveto nyt',
    ],
    en: [
      'send me xname weekly summary', 'send me the weekly summary of xname',
      'xname week summary', 'weekly report for xname', 'what did xname do this week', 'summarize my week', 'week report', 'what happened this week',
      'weekly report', 'how did my week go', 'recap of my week', 'week recap', 'summarise this week', 'summary of this week', 'what did i do this week',
      'this week in short', 'weekly digest', 'xname weekly recap', 'how was xname week', 'recap for xname', 'sum up the week for xname',
      'week overview for xname', 'show me my week', 'how is my week going',
      'send me xname weekly summary now', 'the weekly summary now please', "i don't want to wait for the summary", 'send the summary now', 'xname summary now',
    ],
    sv: [
      'veckorapport för xname', 'vad gjorde xname den här veckan', 'sammanfatta veckan', 'veckorapport', 'vad hände den här veckan', 'hur gick min vecka',
      'sammanfatta min vecka', 'veckoöversikt', 'sammandrag av veckan', 'vad har jag gjort den här veckan', 'veckans sammanfattning', 'översikt över veckan',
      'sammanfatta veckan för xname', 'hur gick veckan för xname', 'veckoöversikt för xname', 'vad gjorde xname i veckan',
      'skicka veckosammanfattningen nu', 'sammanfattning för xname nu',
    ],
  },
  'my-observations': {
    fi: [
      'mitä ohjaaja on kirjannut', 'ohjaajan palaute minusta', 'mitä työpaikkaohjaaja on kirjannut minusta', 'palaute minusta',
      'mitä ohjaaja on sanonut musta', 'mitä palautetta olen saanut', 'ohjaajan kommentit', 'mitä työpaikkaohjaaja on kirjoittanut minusta',
      'onko ohjaaja kirjannut jotain musta', 'näytä ohjaajan merkinnät', 'ohjaajan kirjaukset minusta', 'palaute ohjaajalta', 'ohjaajan palautteet',
      'onko minusta tehty havaintoja', 'mun palautteet', 'mitä musta on kirjoitettu', 'mitä xname on kirjannut musta',
      'ohjaajan havainnot mun työstä', 'mitä ohjaaja on huomannut musta',
      'onko ohjaaja tehnyt musta havaintoja', 'haluan nähdä havainnot minusta', 'näytä havainnot minusta', 'onko xname kirjannut musta jotain',
      'mitä ohjaaja on kirjoittanut musta', 'mitä hän on kirjoittanut minusta', 'mitä musta on kirjattu',
    ],
    en: [
      'what did my supervisor write about me', 'what has my instructor said about me', 'what did my instructor note about me',
      'feedback about me', 'what has my instructor written about me', 'instructor feedback', 'what feedback have i got', 'feedback from my supervisor',
      'what has my supervisor said about me', "my instructor's notes", 'notes about me', 'has my instructor logged anything', 'what did xname write about me',
      'show the feedback i got', 'comments about my work', 'what has been noted about me', 'any observations on me',
      'what has my supervisor noticed about me', "my supervisor's comments on me",
      'has my instructor made any observations about me', 'i want to see the observations about me', 'show the notes about me',
    ],
    sv: [
      'feedback om mig', 'vad har handledaren skrivit om mig', 'vilken respons har jag fått', 'handledarens kommentarer', 'vad har min handledare sagt om mig',
      'anteckningar om mig', 'handledarens respons om mig', 'har handledaren skrivit något om mig', 'respons från handledaren', 'vad har antecknats om mig',
      'vad har xname skrivit om mig',
      'handledarens observationer om mitt arbete', 'vad har handledaren märkt hos mig',
      'har handledaren gjort observationer om mig', 'visa observationerna om mig',
    ],
  },
  students: {
    fi: [
      'mun oppilaat', 'oppilaani', 'ketkä on mun oppilaita',
      'keitä opiskelijoita minulla on', 'ketä ohjaan', 'lista opiskelijoista', 'opiskelijalista', 'ketkä ovat mun opiskelijat', 'näytä kaikki opiskelijat',
      'mun opiskelijoiden lista', 'ketä mä ohjaan tällä hetkellä', 'keitä opiskelijoita ohjaan', 'lista ohjattavista', 'mun ohjattavat', 'ohjattavani',
      'montako opiskelijaa mulla on', 'kenen ohjaaja olen', 'kaikki ohjattavat opiskelijat',
      'ketkä opiskelijat mulla on', 'ketkä opiskelijat mulla on nyt työpaikalla', 'keitä mulla on harjoittelussa', 'yleiskatsaus opiskelijoihin', 'kaikki mun opiskelijat', 'näytä opiskelijani',
      'miten mun opiskelijoilla menee', 'miten opiskelijoilla menee', 'miten kaikilla opiskelijoilla menee', 'mun opiskelijoiden tilanne',
    ],
    en: [
      'my pupils', 'my trainees',
      'which students do i have', 'student list', 'who am i supervising', 'show all my students', 'list of my students', 'who am i mentoring', 'my trainees',
      'who are my trainees', 'how many students do i have', 'which students am i responsible for', 'students i supervise', 'overview of my students',
      'list everyone i supervise', 'who do i have on placement', 'the people i supervise',
      'give me an overview of my students', 'overview of all my students', 'all my students', 'which of my students are on placement', 'show my students',
      'how are my students doing', 'how are all of my students', 'status of my students',
    ],
    sv: [
      'vilka studerande har jag', 'lista över studerande', 'elevlista', 'visa alla mina studerande', 'lista över mina elever', 'vilka handleder jag',
      'hur många studerande har jag', 'mina praktikanter', 'vilka elever ansvarar jag för', 'översikt över mina studerande', 'visa eleverna',
      'visa mina praktikanter', 'alla mina elever', 'visa alla elever', 'visa elevlistan',
      'ge mig en översikt över mina studerande', 'vilka studerande har jag på praktik', 'mina studerande', 'visa mina studerande',
      'hur går det för mina studerande', 'hur går det för mina elever', 'läget för mina studerande',
    ],
  },
  'checkin-time': {
    fi: [
      'vaihda kyselyaika xtime', 'kyselyn aika xtime', 'kysely tulee klo xtime', 'siirrä kysely xtime', 'haluan kyselyn kello xtime',
      'muuta kysymysaika xtime', 'kyselyaika xtime', 'kysy multa aina kello xtime', 'lähetä päivän kysely xtime', 'muistutus klo xtime',
      'muuta muistutuksen aika xtime', 'siirrä muistutus xtime', 'laita kysely tulemaan xtime', 'päivän kysely kello xtime', 'reflektio klo xtime',
      'kysy mua vasta xtime', 'haluan kyselyn iltapäivällä', 'voisitko kysyä myöhemmin päivällä', 'kysely tulee liian aikaisin', 'kysely tulee liian myöhään',
      'mihin aikaan kysely tulee', 'vaihda kellonaika jolloin kysyt', 'kyselyaika myöhemmäksi', 'muistuta mua klo xtime', 'kyselyn kellonaika xtime',
    ],
    en: [
      'change my check-in time to xtime', 'check in time xtime', 'send the daily question at xtime', 'i want my check-in at xtime',
      'move the check in to xtime', 'remind me at xtime', 'send my reminder at xtime', 'change the reminder time to xtime', 'can you ask me later in the day',
      'ask me in the afternoon instead', 'the check-in comes too early', 'move my daily question to xtime', 'set my check-in for xtime',
      'daily question time xtime', 'what time do you send the check-in', 'reschedule my check-in to xtime', 'ping me at xtime',
      'i want the reflection at xtime', 'switch the reminder to xtime', 'later reminder please',
    ],
    sv: [
      'incheckning kl xtime', 'incheckningen kl xtime',
      'ändra tiden till xtime', 'skicka frågan kl xtime', 'byt tid för frågan till xtime', 'incheckningstid xtime', 'jag vill ha frågan kl xtime',
      'påminn mig kl xtime', 'ändra påminnelsen till xtime', 'skicka påminnelsen klockan xtime', 'fråga mig på eftermiddagen i stället',
      'frågan kommer för tidigt', 'flytta dagens fråga till xtime', 'ställ in tiden till xtime', 'när skickar du frågan', 'byt påminnelsetid till xtime',
      'jag vill ha påminnelsen kl xtime', 'incheckningen kl xtime', 'dagens fråga klockan xtime', 'ändra klockslaget för frågan', 'senare påminnelse tack',
    ],
  },
  pause: {
    fi: [
      'lomalla xdate - xdate', 'oon lomalla xdate - xdate', 'loma xdate - xdate',
      'tauota kyselyt xdate xdate', 'kyselyt tauolle xdate - xdate', 'en halua kyselyitä xdate xdate', 'ei kyselyitä xdate - xdate',
      'tauko kyselyihin xdate xdate', 'pidä taukoa kyselyistä xdate - xdate', 'lopeta kyselyt väliaikaisesti xdate xdate', 'pidä tauko kyselyistä',
      'haluan tauon kyselyihin', 'ei kyselyjä loman aikana', 'ei kyselyjä xdate - xdate koulussa', 'keskeytä päivittäiset kysymykset', 'älä kysy mitään loman ajan',
      'älä lähetä kyselyjä xdate - xdate', 'tauota kyselyt xdate asti', 'laita kyselyt tauolle', 'kyselyt tauolle loman ajaksi',
      'kyselyt pois päältä xdate xdate', 'tauko xdate alkaen', 'tauota reflektiot xdate - xdate', 'pysäytä kyselyt hetkeksi',
      'pysäytä muistutukset xdate xdate', 'hiljennä kyselyt lomaksi', 'mä haluun tauon kyselyistä', 'en halua kysymyksiä lomalla',
      'ei muistutuksia xdate - xdate', 'jätä kyselyt väliin xdate xdate', 'tauolle xdate - xdate', 'ei kyselyjä joululomalla', 'kyselyt tauolle kesälomaksi',
      'en halua kyselyjä lomalla', 'tauotetaan kyselyt joululomaksi', 'tauotetaan kyselyt lomaksi',
    ],
    en: [
      'on holiday xdate - xdate', 'holiday xdate - xdate',
      'pause my check-ins xdate xdate', 'no check-ins from xdate to xdate', 'stop the daily questions xdate - xdate',
      'take a break from check-ins xdate xdate', 'hold the check-ins between xdate and xdate', 'pause the daily questions', 'no questions during my holiday',
      'stop asking me until xdate', 'take a break from the questions', 'put the check-ins on hold', 'pause reflections xdate to xdate',
      'hold the questions while i am on vacation', 'suspend check-ins from xdate', 'i need a break from the daily questions',
      'do not send questions xdate - xdate', 'stop the reminders for a while', 'mute the check-ins', 'silence the daily question until xdate',
      'no reminders xdate - xdate', 'no check-ins xdate - xdate', 'skip check-ins xdate xdate', 'turn off check-ins for the holidays', 'pause everything xdate until xdate',
      'no daily questions from xdate', 'no check-ins over christmas', 'pause during the summer holiday',
    ],
    sv: [
      'semester xdate - xdate', 'ledig xdate - xdate',
      'pausa frågorna xdate - xdate', 'inga frågor xdate xdate', 'pausa incheckningarna från xdate till xdate', 'uppehåll i frågorna xdate xdate',
      'pausa de dagliga frågorna', 'inga frågor under semestern', 'sluta fråga mig till xdate', 'ta en paus från frågorna', 'paus i incheckningarna',
      'skicka inga frågor xdate - xdate', 'stäng av frågorna en tid', 'jag vill ha paus från frågorna', 'sätt frågorna på paus',
      'inga påminnelser xdate - xdate', 'pausa reflektionerna xdate - xdate', 'håll upp med frågorna', 'hoppa över frågorna xdate xdate',
      'tysta frågorna under lovet', 'pausa påminnelserna till xdate', 'inga dagliga frågor från xdate', 'inga frågor på lovet', 'pausa frågorna över julen',
      'inga frågor under sommarlovet',
    ],
  },
  observe: {
    fi: [
      'obs xname xtext', 'havis xname xtext',
      'havainto xname xtext', 'kirjaa havainto xname xtext', 'tee havainto xname xtext', 'kirjaa xname havainto xtext', 'havainto xname : xtext',
      'kirjaa xname xtext', 'merkitse xname xtext', 'lisää havainto xname xtext', 'uusi havainto xname xtext', 'palaute xname xtext', 'kirjaus xname xtext',
      'merkintä xname xtext', 'huomio xname xtext', 'havainnoin xname xtext',
      'kirjaa havainto xname : xtext', 'havaitsin xname xtext',
    ],
    en: [
      'obs xname xtext', 'note xname xtext',
      'log an observation for xname xtext', 'observation for xname xtext', 'note about xname xtext', 'write an observation about xname xtext',
      'record an observation on xname xtext', 'add an observation for xname xtext', 'new observation xname xtext', 'note for xname xtext',
      'feedback for xname xtext', 'record xname xtext', 'log xname xtext', 'observed xname xtext',
      'i observed xname xtext', 'write an observation xname xtext',
    ],
    sv: [
      'observation om xname xtext', 'skriv en observation för xname xtext', 'observation för xname xtext', 'anteckna om xname xtext',
      'ny observation xname xtext', 'lägg till observation för xname xtext', 'anteckning om xname xtext', 'notera xname xtext', 'respons för xname xtext',
      'jag observerade xname xtext', 'skriv observation om xname xtext',
    ],
  },
  link: {
    fi: [
      'linkitä xplatform käyttäjä xaccount xname', 'yhdistä xname xplatform tunnus xaccount', 'liitä xplatform xaccount xname',
      'yhdistä xplatform tili xaccount xname', 'linkitä xplatform tili xaccount xname', 'yhdistä xplatform käyttäjä xaccount henkilöön xname',
      'kytke xplatform xaccount xname', 'liitä tunnus xaccount xname', 'linkkaa xaccount xname', 'xaccount on xname xplatform',
      'yhdistä tunnus xaccount henkilöön xname', 'linkitä käyttäjä xaccount xname', 'kytke tili xaccount henkilölle xname', 'xplatform tunnus xaccount kuuluu xname',
    ],
    en: [
      'link xplatform user xaccount to xname', 'connect xplatform account xaccount with xname', 'link xplatform id xaccount to xname',
      'attach xplatform xaccount to xname', 'map xplatform xaccount to xname', 'associate xaccount with xname', 'link account xaccount to xname',
      'pair xplatform xaccount with xname', 'xaccount is xname on xplatform', 'bind xplatform account xaccount to xname',
      'connect account xaccount to xname', 'link user xaccount with xname', 'xplatform account xaccount belongs to xname', 'hook up xplatform xaccount to xname',
    ],
    sv: [
      'koppla xplatform användaren xaccount till xname', 'koppla xplatform kontot xaccount till xname', 'länka xplatform xaccount till xname',
      'koppla kontot xaccount till xname', 'anslut xplatform xaccount till xname', 'xaccount är xname i xplatform', 'koppla ihop xaccount med xname',
      'länka användaren xaccount till xname', 'koppla xplatform kontot xaccount med xname', 'kontot xaccount tillhör xname',
    ],
  },
  erase: {
    fi: [
      'poista xname kaikki tiedot', 'poista xname tiedot pysyvästi', 'poista opiskelijan xname tiedot', 'hävitä xname tiedot', 'poista kaikki xname tiedot',
      'tyhjennä xname tiedot', 'poista xname järjestelmästä', 'unohda xname', 'xname tietojen poisto', 'poistopyyntö xname',
      'poista xname tiedot lopullisesti', 'tuhoa xname tiedot', 'xname tiedot pois järjestelmästä',
      'tyhjennä xname tiedot järjestelmästä', 'tyhjennä xname tiedot lopullisesti', 'xname lopetti opinnot poista tiedot', 'xname on eronnut koulusta poista kaikki hänen tietonsa', 'xname erosi poista hänen tietonsa pysyvästi', 'poista xname kaikki tiedot pysyvästi', 'hävitä kaikki xname tiedot',
    ],
    en: [
      'delete all of xname data', 'erase everything about xname', 'delete xname data permanently', 'remove all data of xname', 'wipe xname data',
      'remove xname from the system', 'forget xname', 'delete everything about xname', 'permanently delete xname', 'deletion request for xname',
      'erase xname for good', 'delete all records of xname', 'wipe everything about xname',
      'xname left school delete her data', 'xname asked to be forgotten delete all of her data', 'permanently delete all of xname data', 'clear all of xname data for good', 'purge xname data', 'remove everything we hold on xname',
    ],
    sv: [
      'radera alla uppgifter om xname', 'ta bort xname uppgifter', 'radera allt om xname', 'ta bort xname från systemet', 'radera all data om xname',
      'glöm xname', 'radera xname permanent', 'begäran om radering xname',
      'radera uppgifterna om xname för gott', 'radera alla poster om xname',
      'töm uppgifterna om xname', 'radera allt vi har om xname', 'xname har slutat radera uppgifterna',
    ],
  },
  export: {
    fi: [
      'tee xname tiedoista export', 'tietopyyntö xname',
      'vie xname tiedot tiedostoon', 'lataa xname tiedot', 'xname tiedot ladattavaksi', 'tietopyyntö xname', 'xname tietojen vienti',
      'tee xname tiedoista tiedosto', 'xname tiedot json muodossa', 'xname tietojen lataus', 'tarkastuspyyntö xname', 'tietojen siirto xname',
      'kopio xname tiedoista', 'anna xname tiedot tiedostona',
      'vie kaikki xname tiedot', 'xname tiedot talteen tiedostona', 'tietojen vienti xname',
      'xname datat ulos', 'tarviin xname tiedot ulos', 'vie xname tiedot jsonina', 'xname tiedot jsonina', 'xname teki tietopyynnön', 'tietopyyntö tuli xname', 'kaikki mitä xname on tallennettu', 'anna xname kaikki tiedot',
    ],
    en: [
      'export all data for xname', 'download xname data', 'export the data of xname', 'data request for xname', 'download all data for xname',
      'get xname data as json', 'data export xname', 'export everything about xname', 'subject access request xname', 'dump xname data',
      'export xname records', 'export the records of xname', 'a copy of everything on xname',
      'pull everything we hold on xname', 'everything we have on xname', 'xname made a data access request', 'gdpr access request for xname', 'give me all data on xname', 'xname data as a file',
    ],
    sv: [
      'exportera xname uppgifter', 'ladda ner uppgifter om xname', 'exportera all data om xname', 'exportera allt om xname', 'ladda ner all data om xname',
      'uppgifterna om xname som json', 'dataexport xname',
      'exportera uppgifterna om xname', 'exportera xname data', 'en kopia av allt om xname',
      'allt vi har om xname', 'xname begärde sina uppgifter', 'ge mig all data om xname', 'xname uppgifter som fil',
    ],
  },
  help: {
    fi: [
      'mitä tämä botti osaa', 'miten tätä käytetään', 'mitä voin kysyä', 'en ymmärrä miten tämä toimii', 'mitä komentoja on', 'mitä komentoja voin käyttää',
      'näytä komennot', 'komentolista', 'apuvaa', 'auta mua', 'tarviin apua', 'mitä sä teet', 'mitä tällä botilla voi tehdä', 'mitä voin kirjoittaa',
      'käyttöohje', 'miten tää toimii', 'mitä toimintoja on', 'valikko', 'mitä kaikkea voit tehdä',
      'voitko auttaa', 'voisitko auttaa mua', 'mitä mä voin sulta kysyä', 'mitä sulta voi kysyä',
    ],
    en: [
      'what does this bot do', 'what can i ask', 'i do not understand how this works', 'show me the commands', 'what commands are available',
      'list the commands', 'show commands', 'what can this bot do', 'help me', 'i need help', 'how do i use you', 'instructions', 'user guide',
      'what are my options', 'what features do you have', 'how does this bot work', 'what should i type', 'which commands exist', 'what commands do you have',
      'are there any commands',
      'what should i ask you', 'what can i ask you', 'could you help me', 'what do i ask you',
    ],
    sv: [
      'vad gör den här boten', 'hur använder jag det här', 'vad kan jag fråga', 'vilka kommandon finns', 'vilka kommandon har du', 'visa kommandona',
      'lista kommandon', 'hjälp mig', 'jag behöver hjälp', 'instruktioner', 'bruksanvisning', 'hur använder jag boten', 'vad kan boten göra', 'meny',
      'vilka funktioner finns',
      'vad kan jag fråga dig', 'kan du hjälpa mig', 'hur funkar det här', 'hur fungerar det här',
    ],
  },
  'my-teacher': {
    fi: [
      'kuka on vastuuopettajani', 'kuka on ope', 'kenelle soitan koulusta', 'kuka on mun opettaja koulussa', 'kuka on vastuuope',
      'kehen otan yhteyttä koulussa', 'opettajan yhteystiedot', 'kuka on mun ohjaava opettaja', 'kuka opettaja mulla on', 'mikä on mun opettajan nimi',
      'opettajan sähköposti', 'opettajan puhelinnumero', 'kuka ope mulla on',
      'näytä opettajani tiedot', 'opettajani yhteystiedot', 'miten saan opettajaan yhteyden', 'miten tavoitan opettajan', 'mikä on opettajan numero', 'näytä open yhteystiedot',
    ],
    en: [
      'who is my teacher at school', 'my tutor teacher', "who's my teacher", "teacher's contact details", 'how do i reach my teacher',
      'who is my school teacher', "what is my teacher's name", "my teacher's email", 'who should i contact at school', 'my responsible teacher',
      "show my teacher's info", "pull up my teacher's contact details", 'how can i contact my teacher', "what is my teacher's phone number", "my teacher's details",
    ],
    sv: [
      'vem är läraren', 'min lärare i skolan', 'vem är min lärare', 'lärarens kontaktuppgifter', 'vem ska jag kontakta i skolan', 'vad heter min lärare',
      'lärarens e-post', 'vem är ansvarig lärare',
      'visa min lärares kontaktuppgifter', 'hur når jag min lärare', 'min lärares telefonnummer', 'hur kontaktar jag min lärare', 'lärarens uppgifter',
    ],
  },
  'my-instructor': {
    fi: [
      'kuka ohjaa minua töissä', 'kuka on työpaikan ohjaaja', 'kuka on mun pomo', 'kuka on mun työpaikkaohjaaja', 'kuka ohjaa mua työpaikalla',
      'ohjaajan yhteystiedot', 'mikä on mun ohjaajan nimi', 'kuka on mun esihenkilö', 'kuka on mun esimies', 'kehen otan yhteyttä töissä',
      'ohjaajan puhelinnumero', 'kuka on mun mentori',
      'näytä ohjaajani tiedot', 'näytä työpaikkaohjaajan yhteystiedot', 'työpaikkaohjaajani tiedot', 'ohjaajani yhteystiedot', 'miten saan ohjaajaan yhteyden', 'miten tavoitan ohjaajan', 'mikä on ohjaajan numero', 'ohjaajan sähköposti', 'kuka on mun ohjaaja töissä',
    ],
    en: [
      'who supervises me at work', 'my supervisor at work', 'who is my boss', "who's my supervisor", "who's my mentor", "instructor's contact details",
      'who do i report to at work', 'who is my manager', 'name of my workplace instructor', 'who guides me at work',
      "show my instructor's info", "my workplace instructor's details", "pull up my supervisor's contact info", 'how do i reach my instructor', "what is my instructor's phone number", 'how can i contact my supervisor', "my instructor's email",
    ],
    sv: [
      'vem handleder mig på jobbet', 'min chef', 'vem är min handledare på jobbet', 'handledarens kontaktuppgifter', 'vad heter min handledare',
      'vem är min mentor', 'vem ska jag kontakta på jobbet', 'vem är min chef på arbetsplatsen',
      'visa min handledares kontaktuppgifter', 'hur når jag min handledare', 'min handledares telefonnummer', 'hur kontaktar jag min handledare', 'handledarens uppgifter', 'visa handledarens uppgifter',
    ],
  },
  'my-grade': {
    fi: [
      'mikä numero mulle tulee', 'mitä numeroa oon saamassa', 'saanko hyvän arvosanan', 'mikä on mun arvosana tällä hetkellä', 'pääsenkö läpi', 'menenkö läpi',
      'olenko läpäissyt', 'mun numero', 'kuka antaa mun arvosanan', 'onko mulla hyvä arvosana', 'mikä mun arvosana ois nyt',
      'mitä arvosanaa mulle on tulossa', 'kuka mut arvioi',
      'näytä arvosanani', 'näytä mun arvosana', 'mun arvosana', 'mikä arvosana mulla on',
    ],
    en: [
      'what is my current grade', 'what mark will i get', 'am i going to pass', 'have i passed', 'what grade am i on', 'my current mark',
      'what grade would i get now', 'who marks me', 'who sets my grade', 'will i pass',
      'who assesses me', 'what will my final grade be',
      'show my grade', 'show me my grade', 'my grade please', 'what grade do i have',
    ],
    sv: [
      'vilket betyg får jag nu', 'kommer jag att klara mig', 'har jag klarat kursen', 'vad blir mitt vitsord', 'mitt nuvarande vitsord', 'vem ger mig betyg',
      'vem sätter mitt vitsord', 'blir jag godkänd',
      'vem bedömer mina prestationer', 'vilket vitsord kommer jag att få',
      'visa mitt vitsord', 'visa mitt betyg', 'mitt vitsord', 'mitt betyg',
    ],
  },
  enrol: {
    fi: [
      'uusi työssäoppimisjakso', 'lisää uusi jakso', 'luo jakso', 'lisää opiskelija jaksolle', 'perusta työpaikkajakso', 'uusi harjoittelujakso',
      'uusi koulutussopimus', 'aloita uusi jakso opiskelijalle',
      'uusi opiskelija työpaikalle', 'lisää työpaikkajakso opiskelijalle',
    ],
    en: [
      'create a placement', 'add a new placement', 'new work placement', 'register a student for a placement', 'set up a placement', 'enrol a student',
      'start a new placement',
      'add a student to a workplace', 'new placement for a student',
    ],
    sv: [
      'skapa en ny period', 'lägg till en arbetsplatsperiod', 'ny praktikperiod', 'registrera en studerande på en period', 'skapa praktikperiod',
      'nytt utbildningsavtal',
      'lägg till en studerande på en arbetsplats', 'ny period för en studerande',
    ],
  },
  unlink: {
    fi: [
      'poista linkitys xplatform xaccount', 'irrota tili xaccount', 'pura yhdistäminen xplatform xaccount', 'irrota xplatform käyttäjä xaccount',
      'katkaise yhteys xplatform xaccount', 'poista yhdistäminen tililtä xaccount',
      'irrota käyttäjä xaccount', 'poista linkitys tililtä xaccount', 'xaccount ei ole enää käytössä irrota', 'pura linkitys xplatform xaccount',
      'poista xplatform käyttäjän xaccount liitos', 'poista liitos xaccount', 'xaccount liitos pois', 'tili xaccount on suljettu poista liitos',
    ],
    en: [
      'remove the link for xplatform xaccount', 'disconnect xplatform xaccount', 'detach xplatform user xaccount', 'unlink account xaccount',
      'disconnect account xaccount',
      'remove the link of account xaccount', 'unlink xplatform user xaccount', 'detach account xaccount', 'the account xaccount is deactivated unlink it',
      'please remove the link xaccount', 'the slack account xaccount was deactivated remove the link', 'remove link for xaccount', 'xaccount got deactivated',
    ],
    sv: [
      'ta bort kopplingen xplatform xaccount', 'koppla loss xplatform xaccount', 'ta bort länken för xaccount', 'koppla bort kontot xaccount',
      'koppla loss kontot xaccount', 'ta bort kopplingen för kontot xaccount', 'avlänka användaren xaccount',
      'ta bort länken xaccount', 'kontot xaccount är avaktiverat ta bort kopplingen',
    ],
  },
  audit: {
    fi: [
      'näytä xname lokitiedot', 'xname lokitiedot',
      'näytä loki', 'näytä lokit xname', 'tarkastusloki', 'lokitiedot', 'kuka on avannut xname tiedot', 'kuka on käsitellyt xname tietoja',
      'viimeisimmät lokimerkinnät', 'pääsyloki xname',
      'lokimerkinnät xname', 'kuka on selannut xname tietoja', 'näytä tarkastusloki', 'viimeiset lokirivit',
      'lokin uusimmat merkinnät', 'näytä lokin merkinnät', 'audit-loki xname', 'xname audit-loki', 'kuka on katsonut xname tietoja', 'kuka on katsellut xname tietoja', 'kuka on lukenut xname tietoja tässä kuussa', 'näytä kuka on katsonut xname tietoja',
    ],
    en: [
      'show the audit log', 'who looked at xname data', 'who opened xname record', 'access log for xname', 'recent audit entries', 'who accessed xname',
      'latest log entries',
      'audit trail for xname', 'who has seen xname records', 'show recent audit log entries',
      'who has looked at xname data', 'who has viewed xname data this month', 'who read xname records', 'show the latest log entries', 'audit log for xname',
    ],
    sv: [
      'auditlogg för xname', 'logg för xname',
      'visa granskningsloggen', 'vem har tittat på xname uppgifter', 'åtkomstlogg för xname', 'senaste loggposterna', 'vem har öppnat xname uppgifter',
      'granskningsloggen för xname', 'vem har sett uppgifterna om xname', 'visa de senaste loggposterna',
      'vem har läst uppgifterna om xname', 'vem har tittat på uppgifterna om xname den här månaden', 'visa loggen', 'visa de senaste posterna i loggen',
    ],
  },
  'fanout-report': {
    fi: [
      'miten tämän päivän kyselyt lähti', 'lähtikö kyselyt', 'menikö kyselyt perille', 'lähetysten tila', 'lähetysloki', 'raportti lähetyksistä',
      'tavoittiko kyselyt kaikki',
      'lähetysraportti tänään', 'miten kyselyjen jakelu onnistui', 'jäikö joltain kysely saamatta',
      'fan-out raportti', 'fanout-raportti', 'jakeluraportti',
    ],
    en: [
      'did the check-ins go out', 'delivery status', 'how did sending go', 'send report', 'were the daily questions delivered', 'fanout status',
      'were the check-ins sent out', 'sending status of the check-ins',
      'fan-out status', 'how did the last send go', 'did anyone miss the check-in message', 'did the check-ins go out on time', 'was anyone unreachable', 'who was unreachable today',
    ],
    sv: [
      'gick frågorna ut', 'leveransstatus', 'hur gick utskicket', 'rapport om utskicket', 'kom frågorna fram',
      'status för utskicket', 'fick alla frågan',
    ],
  },
};
