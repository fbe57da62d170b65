import Testing
import PortalDomain

/// Names as a card writes them (with their letters) against records the fund
/// may have typed with or without those letters.
@Suite("Registration matcher: names from European languages")
struct EuropeanNameMatchTests {
    static let turkishAndCentralEuropean: [MatchCase] = [
        MatchCase(eID("ÇELİK", "AYŞE"), record("Celik", "Ayse"), .match),
        MatchCase(eID("YILDIRIM", "MEHMET"), record("Yıldırım", "Mehmet"), .match),
        MatchCase(eID("ŞAHİN", "GÜLŞEN"), record("Sahin", "Gülşen"), .match),
        MatchCase(eID("ÖZTÜRK", "EMRE"), record("Oeztuerk", "Emre"), .match),
        MatchCase(eID("ÖZTÜRK", "EMRE"), record("Ozturk", "Emre"), .match),
        MatchCase(eID("ÖZTÜRK", "EMRE"), record("Oztuerk", "Emre"), .match),
        MatchCase(eID("ERDOĞAN", "AĞA"), record("Erdogan", "Aga"), .match),
        MatchCase(eID("WRÓBEL", "ŁUKASZ"), record("Wrobel", "Lukasz"), .match),
        MatchCase(eID("ŻÓŁKIEWSKI", "STANISŁAW"), record("Zolkiewski", "Stanislaw"), .match),
        MatchCase(eID("SZCZĘSNY", "GRZEGORZ"), record("Szczęsny", "Grzegorz"), .match),
        MatchCase(eID("DVOŘÁK", "ANTONÍN"), record("Dvorak", "Antonin"), .match),
        MatchCase(eID("NOVÁKOVÁ", "JANA"), record("Novakova", "Jana"), .match),
        MatchCase(eID("NOVÁKOVÁ", "JANA"), record("Novák", "Jana"), .noMatch(.familyName)),
        MatchCase(eID("ŠTÚR", "ĽUDOVÍT"), record("Stur", "Ludovit"), .match),
        MatchCase(eID("ŤAŽKÝ", "ĽUBOMÍR"), record("Tazky", "Lubomir"), .match),
        MatchCase(eID("SZŐKE", "ÁRPÁD"), record("Szoke", "Arpad"), .match),
        MatchCase(eID("ÖRDÖG", "ZSÓFIA"), record("Oerdoeg", "Zsofia"), .match),
        MatchCase(eID("ŰRI", "ÉVA"), record("Uri", "Eva"), .match),
        MatchCase(eID("ȘTEFĂNESCU", "IONUȚ"), record("Stefanescu", "Ionut"), .match),
        MatchCase(eID("ŢUŢEA", "PETRE"), record("Țuțea", "Petre"), .match),
        MatchCase(eID("ĐOKOVIĆ", "NOVAK"), record("Djokovic", "Novak"), .match),
        MatchCase(eID("ĐOKOVIĆ", "NOVAK"), record("Dokovic", "Novak"), .match),
        MatchCase(eID("ŽEMAITIS", "JONAS"), record("Zemaitis", "Jonas"), .match),
        MatchCase(eID("ĶIRSONS", "ĢIRTS"), record("Kirsons", "Girts"), .match),
        MatchCase(eID("ÕUN", "MART"), record("Oun", "Mart"), .match),
        MatchCase(eID("ĦAJJAR", "ĠORĠ"), record("Hajjar", "Gorg"), .match),
    ]

    static let northernEuropean: [MatchCase] = [
        MatchCase(eID("ÅSTRÖM", "INGRID"), record("Aastroem", "Ingrid"), .match),
        MatchCase(eID("ÅSTRÖM", "INGRID"), record("Astrom", "Ingrid"), .match),
        MatchCase(eID("ÅSTRÖM", "INGRID"), record("Aström", "Ingrid"), .match),
        MatchCase(eID("SØRENSEN", "BJØRN"), record("Soerensen", "Bjoern"), .match),
        MatchCase(eID("SØRENSEN", "BJØRN"), record("Sorensen", "Bjorn"), .match),
        MatchCase(eID("SØRENSEN", "LÆRKE"), record("Sørensen", "Laerke"), .match),
        MatchCase(eID("ÞÓRSDÓTTIR", "GUÐRÚN"), record("Thorsdottir", "Gudrun"), .match),
        MatchCase(eID("GUÐMUNDSSON", "JÓN"), record("Gudmundsson", "Jon"), .match),
        MatchCase(eID("VIRTANEN", "MIKKO"), record("Virtanen", "Mikko Juhani"), .noMatch(.givenNames)),
    ]

    static let westernAndSouthernEuropean: [MatchCase] = [
        MatchCase(eID("LEFÈVRE", "FRANÇOIS"), record("Lefevre", "Francois"), .match),
        MatchCase(eID("D'ARTAGNAN", "CHARLES"), record("Dartagnan", "Charles"), .match),
        MatchCase(eID("D'ARTAGNAN", "CHARLES"), record("d’Artagnan", "Charles"), .match),
        MatchCase(eID("CŒUR", "JACQUES"), record("Coeur", "Jacques"), .match),
        MatchCase(eID("DE LA FONTAINE", "JEAN-BAPTISTE"), record("Delafontaine", "Jean Baptiste"), .match),
        MatchCase(eID("GARCÍA MÁRQUEZ", "GABRIEL JOSÉ"), record("García Márquez", "Gabriel José"), .match),
        MatchCase(eID("GARCÍA MÁRQUEZ", "GABRIEL JOSÉ"), record("Garcia-Marquez", "Gabriel"), .match),
        MatchCase(eID("GARCÍA MÁRQUEZ", "GABRIEL"), record("García", "Gabriel"), .noMatch(.familyName)),
        MatchCase(eID("NÚÑEZ PEÑA", "MARÍA JOSÉ"), record("Nunez Pena", "Maria Jose"), .match),
        MatchCase(eID("DA CONCEIÇÃO", "JOÃO"), record("da Conceicao", "Joao"), .match),
        MatchCase(eID("DOS SANTOS", "INÊS"), record("Santos", "Ines"), .noMatch(.familyName)),
        MatchCase(eID("DELL'ORTO", "NICCOLÒ"), record("Dell Orto", "Niccolo"), .match),
        MatchCase(eID("D'ANGELO", "LUCA"), record("D'Angelo", "Luca"), .match),
        MatchCase(eID("VAN DER BERG", "JOOST"), record("van der Berg", "Joost"), .match),
        MatchCase(eID("VAN DER BERG", "JOOST"), record("Vanderberg", "Joost"), .match),
        MatchCase(eID("VAN DER BERG", "JOOST"), record("Berg", "Joost"), .noMatch(.familyName)),
        MatchCase(eID("ĲZERMAN", "SANNE"), record("IJzerman", "Sanne"), .match),
        MatchCase(eID("O'BRIEN", "SEÁN"), record("O’Brien", "Sean"), .match),
        MatchCase(eID("O'BRIEN", "SEÁN"), record("O Brien", "Seán"), .match),
        MatchCase(eID("Ó SÚILLEABHÁIN", "AOIFE"), record("O'Suilleabhain", "Aoife"), .match),
        MatchCase(eID("PAPADOPOULOS", "GEÓRGIOS"), record("Papadopoulos", "Georgios"), .match),
        MatchCase(eID("CHATZIDÁKIS", "ELENI"), record("Chatzidakis", "Eléni"), .match),
        MatchCase(eID("PAPADOPOULOS", "GEORGIOS"), record("Papadopoulou", "Georgios"), .noMatch(.familyName)),
    ]

    @Test(arguments: turkishAndCentralEuropean) func turkishAndCentralEuropeanLetters(_ row: MatchCase) { row.check() }
    @Test(arguments: northernEuropean) func scandinavianAndIcelandicLetters(_ row: MatchCase) { row.check() }
    @Test(arguments: westernAndSouthernEuropean) func westernAndSouthernEuropeanNames(_ row: MatchCase) { row.check() }
}
