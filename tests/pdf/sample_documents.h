// Realistic documents for the PDF tests, the benchmark and the sample renderer: a two-page
// parent handout (~800 words) and a progress report with a chart and a long table.
#pragma once

#include <string>
#include <vector>

#include "securebase/pdf/document.h"

namespace securebase::pdf::samples {

inline PageFurniture clinicFurniture() {
  PageFurniture furniture;
  furniture.clinic_name = "Riverside Family Clinic";
  furniture.clinic_phone = "(555) 013-2468";
  furniture.date_text = "March 14, 2026";
  return furniture;
}

inline Document handout(PaperSize paper = PaperSize::letter) {
  Document doc;
  doc.title = "Building a secure bond with your baby";
  doc.author = "Riverside Family Clinic";
  doc.paper = paper;
  doc.furniture = clinicFurniture();
  auto& b = doc.blocks;
  b.push_back(Heading{"Building a secure bond with your baby", 1});
  b.push_back(Paragraph{
      "This sheet is for you and for Mateo. It is about the special bond that grows between a "
      "baby and the people who care for them. You do not need to be perfect. Babies learn to "
      "trust you through small moments, every day, again and again.",
      ""});
  b.push_back(Heading{"What we saw today", 2});
  b.push_back(BulletList{{
      "You held Mateo close when he cried, and he calmed quickly in your arms.",
      "You talked to him in a soft, warm voice while you changed his diaper.",
      "When he looked away, you waited. When he looked back, you smiled and talked again.",
  }});
  b.push_back(Heading{"What is attachment?", 2});
  b.push_back(Paragraph{
      "Attachment is the special relationship between a baby and a parent. It grows over time as "
      "you get to know each other. A baby with a secure bond feels safe. They use you as a safe "
      "base: they go out to explore, and they come back to you when things feel hard. This bond "
      "shows your baby how relationships work.",
      ""});
  b.push_back(Paragraph{
      "Babies are born ready to connect. They tell you what they need with sounds, like crying, "
      "with movement, and with their faces. You learn what the signals mean, and you answer them. "
      "Over time your baby learns that you will come.",
      "Good to know:"});
  b.push_back(TipBox{"Tip for parents",
                     {"Answer your baby every time they cry. You cannot spoil a baby by "
                      "comforting them. Helping your baby when they are upset teaches trust."},
                     {}});
  b.push_back(Heading{"Things to try this week", 2});
  b.push_back(BulletList{{
      "Hold your baby, use a soft voice, and touch gently when they are upset.",
      "Learn your baby's own signals. Notice how much eye contact they enjoy. When they look "
      "away, give them a short break, and join in again when they are ready.",
      "Use quiet, alert times to play and to get to know each other. Talk, sing, and read "
      "together. Your baby loves the sound of your voice.",
      "Try to answer in the same way each time. Being steady helps your baby feel safe.",
  }});
  b.push_back(Paragraph{
      "Early on it can be hard to know what your baby needs. Every parent makes mistakes. If "
      "something is not working, try another way. It gets easier as you get to know each other. "
      "Babies are strong: they remember the hundreds of times you were there, not the few times "
      "you were late.",
      ""});
  b.push_back(TipBox{"Safe sleep",
                     {"Sleep when your baby sleeps. Always put your baby to sleep on their back, "
                      "in their own safe sleep space. Never sleep with your baby on a sofa or in "
                      "an adult bed."},
                     {}});
  b.push_back(Heading{"Take care of yourself too", 2});
  b.push_back(Paragraph{
      "Caring for a baby is hard work. You need time for you, too. When you rest, you have more "
      "to give. Here are some ideas that other parents have found helpful.",
      ""});
  b.push_back(BulletList{{
      "Ask family and friends to help with shopping, laundry, or cooking.",
      "Plan short times away on your own: a long bath, or a walk around the block.",
      "Try to get sleep. Rest when your baby rests, even for a short while.",
  }});
  b.push_back(TipBox{"If the crying gets to be too much",
                     {"It is OK to lay your baby down safely on their back and step away for a "
                      "few minutes. Take a deep breath. Never shake a baby."},
                     {"Call a friend or family member to come and help.",
                      "Call us at (555) 013-2468 if you feel worried or alone."}});
  b.push_back(Heading{"When to ask for help", 2});
  b.push_back(Paragraph{
      "If it feels like something is wrong, talk to your doctor, a counselor, or your baby's "
      "doctor. Asking for help is a sign of strength. We are here for you and your family.",
      ""});
  b.push_back(Heading{"Want to learn more?", 3});
  b.push_back(BulletList{{
      "Common health questions of new parents.",
      "Talking, singing, reading and playing with your baby from the very start.",
      "Tummy time: why it matters and how to make it fun.",
  }});
  b.push_back(Paragraph{
      "Research shows that babies whose parents answer them in a steady way cry less later on. "
      "Your care today helps your baby grow into a child who feels safe, curious and loved. "
      "Thank you for all you do.",
      ""});
  return doc;
}

inline Document report(PaperSize paper = PaperSize::a4, std::size_t visits = 40) {
  Document doc;
  doc.title = "Progress report — Łucja Nguyễn";
  doc.paper = paper;
  doc.furniture = clinicFurniture();
  doc.furniture.page_label = "Página {page} de {pages}";
  doc.furniture.date_text = "14 de marzo de 2026";
  auto& b = doc.blocks;
  b.push_back(Heading{"Informe de progreso", 1});
  b.push_back(KeyValueList{{{"Familia", "Łucja Nguyễn y José Peña"},
                            {"Niño/a", "Zoë — 7 meses (edad corregida 6 meses)"},
                            {"Consejera", "Ana María Ibáñez"},
                            {"Periodo", "1 de septiembre de 2025 – 14 de marzo de 2026"}},
                           0.28});
  LineChart chart;
  chart.title = "Puntuación por sección";
  const std::vector<std::string> dates{"Sep 3",  "Sep 24", "Oct 15", "Nov 5",  "Nov 26",
                                       "Dec 17", "Jan 14", "Feb 4",  "Feb 25", "Mar 14"};
  chart.x_labels = dates;
  chart.series = {{"Responder al llanto", {40, 45, 55, std::nullopt, 60, 70, 72, 80, 85, 90}},
                  {"Consuelo", {50, 50, 60, 65, 70, std::nullopt, 75, 75, 80, 85}},
                  {"Señales del bebé", {20, 30, 30, 35, 45, 50, 55, 65, 70, 75}},
                  {"Cuidarse a sí misma", {60, 55, 50, 55, 60, 65, 60, 70, 70, 75}}};
  b.push_back(Heading{"Tendencias", 2});
  b.push_back(ChartBlock{chart, 230});
  b.push_back(Heading{"Visitas", 2});
  Table table;
  table.columns = {{"Fecha", 1.2, TextAlign::left},
                   {"Práctica observada", 3.2, TextAlign::left},
                   {"Puntuación", 1.5, TextAlign::right},
                   {"Nota", 2.5, TextAlign::left}};
  for (std::size_t i = 0; i < visits; ++i)
    table.rows.push_back({dates[i % dates.size()], "Responde al llanto y consuela con voz suave",
                          std::to_string(40 + (i * 7) % 60),
                          i % 3 == 0 ? "Mamá cansada; pidió ayuda a su hermana con la compra."
                                     : "Buen contacto visual."});
  b.push_back(table);
  b.push_back(TipBox{"Para la próxima visita",
                     {"Practicar el tiempo boca abajo (¡poco a poco!)."},
                     {"¿Quién puede ayudar con la comida?", "Dormir cuando Zoë duerme."}});
  return doc;
}

}  // namespace securebase::pdf::samples
