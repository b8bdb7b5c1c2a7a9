"""Vocabulary families found by a probe of NGO pages in six languages.

Each family is a wording shape that recurs across sites and languages (a petition
counter written as a phrase, a form's opt-in box, an amount-and-impact appeal, a
caption closed by "Foto di … per …"). For every family: the local lines that must go
after an article's closing sentence, and a sentence of article text in the same
language, with the same words, that must stay. Each filter runs alone.
"""

from __future__ import annotations

import pytest

import cleaner

from .test_filters import LONG_IN  # a closing sentence of an article in each language

P = "\n\n".join


# (filter, language, a line of that family as pages print it)
FAMILY_LINES = [
    # petition counters as a phrase: "already", the next goal, the push to reach it
    ("take_action", "en", "Already 12,345 signatures"),
    ("take_action", "en", "12,345 people have already signed"),
    ("take_action", "en", "Next goal: 50,000"),
    ("take_action", "fr", "Déjà 18\u202f542 signatures"),
    ("take_action", "fr", "Prochain objectif\u00a0: 25\u202f000"),
    ("take_action", "fr", "Aidez-nous à atteindre 100\u202f000 signatures\u00a0!"),
    ("take_action", "fr", "signataires"),
    ("take_action", "es", "Ya hemos conseguido 32.456 firmas"),
    ("take_action", "es", "Próximo objetivo: 50.000"),
    ("take_action", "de", "Bereits 143.209 Unterschriften"),
    ("take_action", "de", "Nächstes Ziel: 150.000"),
    ("take_action", "de", "Hilf uns, 150.000 Unterschriften zu erreichen!"),
    ("take_action", "pt", "Já são 58.761 assinaturas!"),
    ("take_action", "pt", "Ajude a chegar a 75.000"),
    ("take_action", "pt", "Próxima meta: 75 mil assinaturas"),
    ("take_action", "pt", "ASSINAR AGORA"),
    ("take_action", "it", "Hanno già firmato 12.345 persone"),
    ("take_action", "it", "Prossimo obiettivo: 30.000 firme"),
    # sign-up and petition form fields, the ambiguous ones marked required or optional
    ("newsletter", "en", "City*"),
    ("newsletter", "fr", "Nom complet"),
    ("newsletter", "fr", "Ville*"),
    ("newsletter", "es", "Nombre y apellidos"),
    ("newsletter", "es", "DNI (opcional)"),
    ("newsletter", "de", "Vor- und Nachname"),
    ("newsletter", "de", "Ort*"),
    ("newsletter", "pt", "Celular (com DDD)"),
    ("newsletter", "pt", "Estado*"),
    ("newsletter", "it", "Nome e cognome"),
    ("newsletter", "it", "Città*"),
    # opt-in boxes said yes to
    ("newsletter", "en", "Yes, I'd like to receive news and campaign updates from Children First."),
    ("newsletter", "fr", "Oui, je souhaite recevoir les actualités et les appels à mobilisation de l'association."),
    ("newsletter", "es", "Sí, quiero recibir información sobre vuestras campañas."),
    ("newsletter", "es", "Quiero recibir información sobre esta y otras campañas"),
    ("newsletter", "de", "Ja, ich möchte über Kampagnen und Aktionen informiert werden."),
    ("newsletter", "pt", "Sim, quero receber notícias e campanhas da Terra e Gente por e-mail e WhatsApp."),
    ("newsletter", "it", "Sì, voglio ricevere aggiornamenti sulle campagne."),
    # an amount and its impact, in the second person
    ("donation", "de", "Mit 50 € ermöglichen Sie einer Familie sauberes Trinkwasser für ein ganzes Jahr."),
    ("donation", "es", "Con 12 € al mes, nos ayudas a seguir defendiendo el agua y el territorio."),
    ("donation", "es", "Tu donativo permite abrir nuevas aulas en el Sahel."),
    ("donation", "it", "Con 10 € al mese ci aiuti a difendere i diritti di chi lavora nei campi."),
    ("donation", "it", "La tua donazione rende possibile un pasto caldo."),
    ("donation", "pt", "Com R$ 50, você ajuda a equipar uma agente de saúde por um mês."),
    ("donation", "pt", "Sua doação protege famílias da dengue"),
    # captions closed by a credit without a colon
    ("captions", "it", "Braccianti al lavoro in una serra. Foto di Giorgio Conti per Diritti al Lavoro"),
    ("captions", "fr", "Des manifestants à Lyon, le 6 avril. Photo de Camille Roux pour Libertés Sans Frontières"),
    ("captions", "es", "Awa en su aula temporal de Tombuctú. Foto de Moussa Traoré para Infancia Primero"),
    ("captions", "pt", "Balsas de garimpo no rio das Tropas. Foto de Marcos Lima para Floresta Viva"),
    ("captions", "de", "Arbeiter in einer Aluminiumhütte. Foto von Li Wei für Gerechte Welt"),
    # a consent manager's details-and-settings button
    ("consent", "it", "Scopri di più e personalizza"),
    ("consent", "en", "Learn more and customise"),
    ("consent", "es", "Más información y personalizar"),
    ("consent", "pt", "Saiba mais e personalize"),
    ("consent", "de", "Mehr erfahren und anpassen"),
    # a press release's place and date on a line of their own
    ("bylines", "it", "Roma, 3 luglio 2024"),
    ("bylines", "fr", "Paris, le 12 juin 2024"),
    ("bylines", "es", "Madrid, 15 de enero de 2024"),
    ("bylines", "de", "Berlin, 4. März 2024"),
    ("bylines", "pt", "Rio de Janeiro, 10 de abril de 2024"),
    ("bylines", "en", "London, 12 March 2024"),
    # a press office named as a heading, with the contact it claims
    ("bylines", "it", "Ufficio stampa Medici Insieme\n\nLaura Bassi, responsabile"),
    ("bylines", "fr", "Service de presse de Médecins Solidaires\n\nClaire Lemoine, attachée de presse"),
    ("bylines", "es", "Gabinete de prensa de Oxfam Horizonte\n\nMarta Ruiz, portavoz"),
    ("bylines", "de", "Pressestelle Gerechte Welt\n\nThomas Berger, Pressesprecher"),
    ("bylines", "pt", "Assessoria de imprensa da Floresta Viva\n\nAna Sousa, jornalista"),
    ("bylines", "en", "Press office Children First\n\nSarah Holloway, media officer"),
    # a contact line: a name or office, a phone number, an e-mail address
    ("footer", "it", "Laura Bassi – 333 1234567 – ufficiostampa@example.org"),
    ("footer", "es", "Marta Ruiz | Prensa Oxfam Horizonte | 600 123 456 | prensa@example.org"),
    # content-blocker placeholders: the notice where an embed waits for its cookies, and its button
    ("consent", "en", "This content is blocked. To view it, please accept the YouTube cookies."),
    ("consent", "en", "Load video"),
    (
        "consent",
        "fr",
        "Ce contenu est hébergé par YouTube. En l’affichant, vous acceptez sa politique de confidentialité.",
    ),
    ("consent", "fr", "Afficher le contenu"),
    ("consent", "es", "Este contenido está bloqueado. Para verlo, acepta las cookies de YouTube."),
    ("consent", "es", "Ver vídeo"),
    (
        "consent",
        "de",
        "Externer Inhalt: Hier finden Sie einen Inhalt von YouTube. Mit Klick auf „Video laden“ stimmen Sie der"
        " Übermittlung Ihrer Daten an YouTube zu.",
    ),
    ("consent", "de", "Video laden"),
    ("consent", "pt", "Este conteúdo está bloqueado. Para visualizá-lo, aceite os cookies do YouTube."),
    ("consent", "pt", "Carregar vídeo"),
    ("consent", "it", "Questo contenuto è bloccato. Per visualizzarlo accetta i cookie di YouTube."),
    ("consent", "it", "Carica il video"),
    # consent buttons glued into one line by the flattening
    ("consent", "fr", "Tout accepterTout refuserParamétrer"),
    ("consent", "es", "Aceptar todas las cookiesRechazar cookiesConfigurar"),
    ("consent", "de", "Alle akzeptierenNur notwendige CookiesEinstellungen"),
    ("consent", "pt", "Aceitar todosRejeitarPreferências"),
    ("consent", "it", "Accetta tuttiRifiutaPersonalizza"),
    # read-aloud buttons naming the article
    ("accessibility", "en", "Listen to the article (4 min)"),
    ("accessibility", "fr", "Écouter l’article"),
    ("accessibility", "es", "Escuchar artículo"),
    ("accessibility", "de", "Artikel anhören"),
    ("accessibility", "pt", "Ouvir artigo"),
    ("accessibility", "it", "Ascolta questo articolo"),
    # breadcrumbs behind a "you are here:" label, with ">" between the steps
    ("navigation", "en", "You are here: Home > News > Climate"),
    ("navigation", "fr", "Vous êtes ici : Accueil > Témoignages"),
    ("navigation", "es", "Estás en: Inicio > Noticias > Emergencias"),
    ("navigation", "de", "Sie sind hier: Startseite > Aktuelles > Klima"),
    ("navigation", "pt", "Você está aqui: Início > Blog > Emergências"),
    ("navigation", "it", "Ti trovi in: Home > Storie > Emergenze"),
    # the consent line under a petition or sign-up form, "by signing you agree to our policy"
    ("newsletter", "fr", "En signant, vous acceptez notre politique de protection des données."),
    ("newsletter", "es", "Al firmar, aceptas nuestra política de privacidad."),
    ("newsletter", "de", "Mit Ihrer Unterschrift stimmen Sie unserer Datenschutzerklärung zu."),
    ("newsletter", "pt", "Ao assinar, você concorda com a nossa Política de Privacidade."),
    ("newsletter", "it", "Firmando, accetti la nostra privacy policy."),
    # a publication-date label in front of the date
    ("bylines", "es", "Fecha de publicación: 9 de enero de 2025"),
    ("bylines", "pt", "Data de publicação: 14 de março de 2025"),
    ("bylines", "it", "Data di pubblicazione: 1 maggio 2025"),
    ("bylines", "de", "Veröffentlichungsdatum: 12.02.2025"),
    ("bylines", "fr", "Date de mise à jour : 3 février 2025"),
    # an authorship label with its colon
    ("bylines", "es", "Autoría: Equipo de investigación de Red Frontera Sur"),
    ("bylines", "pt", "Autoria: Equipa de investigação da Direitos Já"),
    # consent buttons that "allow" rather than "accept"
    ("consent", "de", "Nur notwendige Cookies zulassen"),
    # a credit in brackets closing the caption
    ("captions", "it", "La manifestazione per il salario minimo a Roma, novembre 2024. (Foto di Luca Neri)"),
    # consent-dialog headings with a possessive
    ("consent", "en", "Manage your cookie preferences"),
    ("consent", "fr", "Gestion de vos préférences sur les cookies"),
    ("consent", "es", "Gestión de tus preferencias de cookies"),
    ("consent", "de", "Ihre Cookie-Einstellungen"),
    ("consent", "it", "Le tue preferenze sui cookie"),
    ("consent", "pt", "Gestão das suas preferências de cookies"),
    # "By Name | date" with a dotted date, and a separator left at the end
    ("bylines", "de", "Von Anna Schmitt | 03.07.2025 |"),
    ("bylines", "de", "Von Anna Schmitt · 3. Juli 2025"),
    ("bylines", "fr", "Par Julie Marchand | 14.11.2024"),
    # "date · author or source", the date first
    ("bylines", "es", "12/03/2025 · Cáritas Solidaria"),
    ("bylines", "it", "22 agosto 2025 - di Chiara Esposito"),
    ("bylines", "fr", "12 mars 2025 – Par Julie Marchand"),
    ("bylines", "de", "17.03.2025 · Von Jan Hoffmann"),
    ("bylines", "pt", "10 de abril de 2025 - Redação Floresta Viva"),
    # category lines without a colon
    ("share_tags", "en", "Posted in Field stories, Health, Climate"),
    ("share_tags", "fr", "Publié dans Témoignages, Santé, Climat"),
    ("share_tags", "es", "Publicado en Historias, Salud, Clima"),
    ("share_tags", "de", "Veröffentlicht in Geschichten, Gesundheit, Klima"),
    ("share_tags", "pt", "Publicado em Histórias, Saúde, Clima"),
    ("share_tags", "it", "Pubblicato in Storie, Salute, Clima"),
    # media-availability notes under a release
    (
        "bylines",
        "en",
        "3. Spokespeople and case studies are available for interview on request. Photographs of the hotels"
        " visited are available to download from our media library.",
    ),
    ("bylines", "fr", "Photos disponibles sur demande."),
    ("bylines", "es", "Fotografías disponibles para descargar en nuestra web."),
    ("bylines", "de", "Interviewpartnerinnen und -partner stehen auf Anfrage zur Verfügung."),
    ("bylines", "pt", "Fotografias disponíveis para download na nossa página."),
    ("bylines", "it", "Foto disponibili su richiesta."),
    # "About <Org>" notes that describe the organisation
    ("bylines", "en", "4. About Refuge Rights UK: Refuge Rights UK is an independent charity that supports people."),
    (
        "bylines",
        "fr",
        "À propos de Médecins Solidaires : Médecins Solidaires est une association médicale humanitaire.",
    ),
    ("bylines", "es", "Sobre Oxfam Horizonte: Oxfam Horizonte es una organización que lucha contra la pobreza."),
    ("bylines", "de", "Über Gerechte Welt: Gerechte Welt ist ein gemeinnütziger Verein mit Sitz in Berlin."),
    ("bylines", "pt", "Sobre a Direitos Já: A Direitos Já é uma organização de direitos humanos."),
    ("bylines", "it", "Chi è Medici Insieme: Medici Insieme è un'organizzazione umanitaria indipendente."),
    # menus flattened into one line of stock labels
    ("navigation", "en", "Home About us What we do News Get involved Contact"),
    ("navigation", "fr", "Accueil Nos missions Témoignages Presse Nous soutenir"),
    ("navigation", "es", "Quiénes somos Qué hacemos Emergencias Actualidad Transparencia Colabora"),
    ("navigation", "de", "Startseite Über uns Projekte Spenden Kontakt"),
    ("navigation", "pt", "Início Quem somos Projetos Transparência Contato"),
    ("navigation", "it", "Home Chi siamo Progetti Trasparenza Contatti"),
    # machine-translation notices over a page
    ("artifacts", "en", "This page has been automatically translated. Show original"),
    ("artifacts", "fr", "Cette page a été traduite automatiquement. Afficher la version originale"),
    ("artifacts", "es", "Esta página se ha traducido de forma automática."),
    ("artifacts", "de", "Dieser Text wurde maschinell übersetzt."),
    ("artifacts", "pt", "Esta página foi traduzida automaticamente."),
    ("artifacts", "it", "Questa pagina è stata tradotta automaticamente."),
    # reprint notices naming the paper an op-ed first ran in
    ("artifacts", "en", "This article first appeared in The Guardian on 3 May 2025."),
    ("artifacts", "fr", "Cette tribune a été initialement publiée dans Le Monde."),
    ("artifacts", "es", "Este artículo fue publicado originalmente en El País."),
    ("artifacts", "de", "Dieser Beitrag erschien zuerst in der Frankfurter Rundschau."),
    ("artifacts", "pt", "Este artigo foi publicado originalmente na Folha de S.Paulo."),
    ("artifacts", "it", "Questo articolo è stato pubblicato originariamente su Il Fatto Quotidiano."),
    # content warnings over a testimony
    ("artifacts", "en", "Content warning: this story describes violence against children."),
    ("artifacts", "fr", "Avertissement : ce témoignage évoque des violences conjugales."),
    ("artifacts", "es", "Aviso: este testimonio contiene descripciones de violencia sexual."),
    ("artifacts", "de", "Inhaltswarnung: Dieser Text beschreibt Gewalt gegen Kinder."),
    ("artifacts", "pt", "Aviso de conteúdo: este relato descreve violência doméstica."),
    ("artifacts", "it", "Avvertenza: questo racconto descrive violenze domestiche."),
    # chat launchers, app prompts and survey prompts
    ("newsletter", "en", "How can we help? Chat with us"),
    ("newsletter", "fr", "Une question ? Discutez avec nous"),
    ("newsletter", "es", "¿Necesitas ayuda? Chatea con nosotros"),
    ("newsletter", "de", "Fragen? Chatten Sie mit uns"),
    ("newsletter", "pt", "Fale conosco pelo chat"),
    ("newsletter", "it", "Hai bisogno di aiuto? Scrivici in chat"),
    ("newsletter", "en", "Download our app to follow our work on the go."),
    ("newsletter", "fr", "Téléchargez notre application pour suivre nos actions."),
    ("newsletter", "es", "Descarga nuestra app y sigue nuestras campañas."),
    ("newsletter", "de", "Unsere App: Immer informiert über unsere Nothilfe."),
    ("newsletter", "pt", "Baixe o nosso aplicativo e acompanhe nossas ações."),
    ("newsletter", "it", "Scarica la nostra app per seguire i nostri progetti."),
    ("newsletter", "fr", "Répondez à notre enquête de satisfaction en 3 minutes."),
    ("newsletter", "es", "Responde a nuestra encuesta en dos minutos."),
    ("newsletter", "de", "Nehmen Sie an unserer kurzen Umfrage teil."),
    ("newsletter", "pt", "Responda à nossa pesquisa de satisfação."),
    ("newsletter", "it", "Partecipa al nostro sondaggio: bastano due minuti."),
    # membership upsells with what membership brings
    ("donation", "en", "Join us as a member and get our reports first."),
    ("donation", "fr", "Devenez adhérent et participez à la vie de l'association."),
    ("donation", "es", "Hazte socia o socio y recibe nuestra revista."),
    ("donation", "de", "Jetzt Fördermitglied werden und langfristig helfen."),
    ("donation", "pt", "Seja associado e fortaleça nossa luta."),
    ("donation", "it", "Diventa socio e sostieni il nostro lavoro."),
    # the PDF button of a page's tool row
    ("share_tags", "fr", "Télécharger en PDF"),
    ("share_tags", "es", "Descargar en PDF"),
    ("share_tags", "de", "Als PDF herunterladen"),
    ("share_tags", "pt", "Baixar PDF"),
    ("share_tags", "it", "Scarica PDF"),
    # a report page's summary links
    ("take_action", "en", "Read the executive summary"),
    ("take_action", "fr", "Lire la synthèse"),
    ("take_action", "es", "Lee el resumen ejecutivo"),
    ("take_action", "de", "Zusammenfassung lesen"),
    ("take_action", "pt", "Leia o resumo executivo"),
    ("take_action", "it", "Leggi la sintesi"),
    # a caption whose credit names the photographer with an initial
    ("captions", "en", "Amina, 14, at a water point in the camp, February 2025. Photo: Save Aid / J. Okoro"),
]


@pytest.mark.parametrize(
    ("name", "lang", "line"), FAMILY_LINES, ids=[f"{name}-{lang}-{line[:20]}" for name, lang, line in FAMILY_LINES]
)
def test_a_family_line_after_the_article_goes(name: str, lang: str, line: str) -> None:
    assert cleaner.clean(P([LONG_IN[lang], line]), pipeline=[name], lang=lang) == LONG_IN[lang] + "\n"


# (filter, language, article text with the same words that must stay)
FAMILY_TRAPS = [
    # a counter reported in a sentence: the family is whole lines only
    ("take_action", "fr", "Déjà 18 542 signatures avaient été remises au ministère quand la loi a été votée."),
    ("take_action", "de", "Bereits 143.209 Unterschriften hatte die Initiative gesammelt, als das Gericht entschied."),
    # a place or table column alone: only the field marked required or optional is the form's
    ("newsletter", "pt", "Estado"),
    ("newsletter", "fr", "Ville"),
    # a quoted wish to receive news: no "Yes," and no channel
    ("newsletter", "es", "«Quiero recibir noticias de mi hijo cada semana», dijo la madre del detenido."),
    ("newsletter", "pt", "“Quero receber notícias do meu filho todos os dias”, disse a mãe de um detido."),
    ("newsletter", "it", "«Voglio ricevere notizie di mio figlio ogni giorno», ha detto la madre del detenuto."),
    ("newsletter", "fr", "« Je veux recevoir des nouvelles de mon fils chaque semaine », dit la mère du détenu."),
    # an amount in a sentence whose verb is no help given
    ("donation", "de", "Mit 300 Euro im Monat kommen Sie nicht weit, sagte die Sozialberaterin am Dienstag."),
    ("donation", "es", "Con 400 euros al mes se paga una habitación en Madrid, según el informe del Defensor."),
    ("donation", "it", "Con 400 euro al mese si paga a malapena una stanza a Milano, denuncia il sindacato."),
    ("donation", "pt", "Com R$ 600 por mês, Maria paga o aluguel e a comida dos três filhos, contou ela."),
    # a photo of someone inside a sentence: the credit starts after a full stop, with a capital
    ("captions", "it", "Ha pianto quando ha visto la foto di Marco per la prima volta."),
    ("captions", "fr", "Elle a pleuré en voyant la photo de Karim pour la première fois."),
    ("captions", "es", "Lloró al ver la foto de Awa para el periódico local del domingo."),
    ("captions", "pt", "Ela chorou ao ver a foto de Maria para o jornal da cidade."),
    # a place and date opening a sentence: whole lines only
    ("bylines", "it", "Roma, 3 luglio 2024: il governo ha approvato il decreto flussi nella notte."),
    # the office's words going on as a sentence: a name must follow them
    ("bylines", "it", "Ufficio stampa e comunicazione sono stati unificati nel 2023"),
    ("bylines", "es", "Gabinete de prensa y portavoces han sido reorganizados este año"),
    # a blocked content reported as news: no cookies to accept, no load button named
    ("consent", "fr", "Ce contenu est bloqué en Russie depuis 2022, selon l'autorité de régulation des médias."),
    ("consent", "es", "Este contenido está bloqueado en Rusia desde 2022, según el regulador de medios."),
    ("consent", "it", "Questo contenuto è bloccato in Russia dal 2022, secondo l'autorità dei media."),
    ("consent", "pt", "Este conteúdo está bloqueado na Rússia desde 2022, segundo o regulador de mídia."),
    ("consent", "en", "This content is blocked in Russia since 2022, according to the media regulator."),
    ("consent", "de", "Um dieses Video zu sehen, müssen Sie nach Kassel fahren, sagte die Kuratorin."),
    # "you are here" in a sentence: no colon after it
    ("navigation", "de", "Sie sind hier nicht willkommen, sagte der Bürgermeister den Demonstranten."),
    ("navigation", "fr", "Vous êtes ici chez vous, a dit la maire aux familles réfugiées."),
    # a heading that names menu words with other words among them
    ("navigation", "de", "Spenden und Projekte in Ostafrika"),
    ("navigation", "es", "Noticias de la campaña en Valencia"),
    # "by signing, you agree" in a sentence about a treaty: no policy, terms or data named
    (
        "newsletter",
        "fr",
        "En signant ce traité, vous acceptez de renoncer à une part de souveraineté, a averti le député.",
    ),
    (
        "newsletter",
        "es",
        "Al firmar el acuerdo, aceptas renunciar a la indemnización, advirtió el abogado a su cliente.",
    ),
    ("newsletter", "it", "Firmando il contratto, accetti di lavorare anche la domenica, ha spiegato il sindacalista."),
    # the possessive heading's words going on as a sentence
    ("consent", "fr", "Vos préférences en matière de cookies sont ignorées par la plupart des sites, selon la CNIL."),
    # "Von" opening a sentence with a date in it
    ("bylines", "de", "Von Berlin aus fuhr der Zug am 3. Juli 2025 los, berichtete die Polizei."),
    # a date over a lowercase phrase: no name after the separator
    ("bylines", "it", "22 agosto 2025 - giornata di sciopero nazionale dei trasporti"),
    ("bylines", "es", "12/03/2025 · jornada de huelga en el transporte"),
    # a reference line with its figures: no category list
    ("share_tags", "en", "Published in The Lancet, 12 March 2024, volume 403"),
    ("share_tags", "fr", "Publié dans Le Monde, 12 mars 2024, page 4"),
    # photos "available on request" mentioned inside a sentence that opens with other words
    ("bylines", "fr", "Les photos disponibles sur demande montrent des cellules surpeuplées, selon la contrôleuse."),
    # a note with facts under an "About the …" heading: no organisation described
    ("bylines", "en", "About the survey: The poll was carried out online by Northfield Research among 2,104 adults."),
    ("bylines", "de", "Über die Umfrage: Die Befragung wurde im Februar unter 2.104 Erwachsenen durchgeführt."),
    # an authorship word in a sentence: no colon after it
    ("bylines", "es", "Autoría compartida, dijo el juez sobre el informe de los peritos forenses."),
    # a number to call in a sentence: the e-mail must close the line
    (
        "footer",
        "es",
        "Marta Ruiz, la portavoz, 600 123 456, prensa@example.org, atendió a los periodistas el lunes.",
    ),
    # a notice's words going on as a second sentence, or as a long one
    (
        "artifacts",
        "it",
        "Questo articolo è stato pubblicato originariamente su una rivista di medicina nel 2019. Da allora"
        " è stato citato in decine di sentenze.",
    ),
    ("artifacts", "en", "This article was originally published by Futurism. Read the original article."),
    # a warning about something other than this text
    ("artifacts", "fr", "Attention : cette mesure contient des exceptions pour les familles monoparentales."),
    ("artifacts", "en", "Content note: this law covers only charities with more than 50 staff, the regulator said."),
    # an app named by its article, not the site's own
    ("newsletter", "pt", "Baixe o aplicativo e denuncie, dizia o cartaz afixado na entrada da aldeia."),
    # a survey prompt quoted in a long sentence
    (
        "newsletter",
        "it",
        "Partecipa al nostro sondaggio, chiedeva il volantino distribuito nei condomini di Milano, e in tre"
        " settimane hanno risposto duemila famiglie.",
    ),
    # a credit's full stop after a capital inside a word ends the credit: the sentence after it stays
    ("captions", "en", "Two girls at the water point. Photo: Jane Okoro/UN. The camp hosts 40,000 people now."),
    # a summary link's words in a sentence
    ("take_action", "en", "Read the report, she said, and you will see how little has changed since 2019."),
]


@pytest.mark.parametrize(
    ("name", "lang", "text"), FAMILY_TRAPS, ids=[f"{name}-{lang}-{text[:20]}" for name, lang, text in FAMILY_TRAPS]
)
def test_the_same_words_in_article_text_stay(name: str, lang: str, text: str) -> None:
    page = P([LONG_IN[lang], text])
    assert cleaner.clean(page, pipeline=[name], lang=lang) == page + "\n"


# the author of an NGO op-ed introduced by a role at the organisation, closing a short article
OP_ED_BIOS = [
    ("en", "Sarah Jones is director of policy at Water Rights International."),
    ("fr", "Claire Dubois est responsable du plaidoyer de Lire Ensemble."),
    ("es", "Lucía Martín es responsable de incidencia de Red Frontera Sur."),
    ("de", "Anna Schmitt ist Referentin für Wohnungspolitik bei Gerechte Welt."),
    ("pt", "Maria Souza é coordenadora de incidência da Direitos Já."),
    ("it", "Giulia Ferrari è responsabile delle politiche abitative di Solidarietà Urbana."),
]


@pytest.mark.parametrize(("lang", "line"), OP_ED_BIOS, ids=[f"{lang}-{line[:20]}" for lang, line in OP_ED_BIOS])
def test_an_ngo_staff_bio_closing_an_op_ed_goes(lang: str, line: str) -> None:
    article = [LONG_IN[lang]] * 4  # a bio closes an article of some length
    assert cleaner.clean(P([*article, line]), pipeline=["bylines"], lang=lang) == P(article) + "\n"


def test_a_person_the_op_ed_named_before_stays_with_her_role() -> None:
    named = "Giulia Ferrari, che guida lo sportello di Milano, racconta di famiglie sfrattate ogni settimana."
    page = P([LONG_IN["it"], named, LONG_IN["it"], LONG_IN["it"], OP_ED_BIOS[-1][1]])
    assert cleaner.clean(page, pipeline=["bylines"], lang="it") == page + "\n"
