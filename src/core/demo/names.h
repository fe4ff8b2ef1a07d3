// Names for demo families: Spanish- and English-speaking families first, and the Polish,
// Vietnamese and other Latin-script names every caseload also has (the handout fonts print them).
#pragma once

#include <string>
#include <vector>

namespace securebase::demo {

struct NamePool {
  std::vector<std::string> surnames;
  std::vector<std::string> mothers;
  std::vector<std::string> fathers;
  std::vector<std::string> girls;
  std::vector<std::string> boys;
};

inline const NamePool& spanishNames() {
  static const NamePool pool{
      {"García",   "Hernández", "López",     "Martínez", "Rodríguez", "Pérez", "Sánchez",
       "Ramírez",  "Torres",    "Flores",    "Rivera",   "Gómez",     "Díaz",  "Cruz",
       "Morales",  "Ortiz",     "Gutiérrez", "Chávez",   "Ramos",     "Ruiz",  "Mendoza",
       "Castillo", "Jiménez",   "Vargas",    "Núñez",    "Peña"},
      {"María", "Lucía", "Ana", "Rosa", "Carmen", "Guadalupe", "Sofía", "Valeria", "Daniela",
       "Gabriela", "Isabel", "Mariana", "Paola", "Ximena", "Yesenia", "Alejandra"},
      {"José", "Luis", "Carlos", "Jorge", "Miguel", "Juan", "Andrés", "Raúl", "Héctor", "Iván"},
      {"Camila", "Valentina", "Renata", "Regina", "Victoria", "Natalia", "Ximena", "Lucía",
       "Emilia", "Sofía", "Abril", "Inés"},
      {"Mateo", "Santiago", "Sebastián", "Leonardo", "Emiliano", "Diego", "Matías", "Tomás",
       "Nicolás", "Gael", "Joaquín", "Ángel"}};
  return pool;
}

inline const NamePool& englishNames() {
  static const NamePool pool{
      {"Smith",    "Johnson",    "Williams", "Brown",  "Jones",  "Miller",  "Davis",
       "Wilson",   "Anderson",   "Taylor",   "Thomas", "Moore",  "Jackson", "White",
       "Harris",   "Clark",      "Lewis",    "Walker", "Nguyễn", "Trần",    "Kowalski",
       "Nowak",    "Wiśniewski", "O'Connor", "Müller", "Öztürk", "Dubois",  "Lefèvre",
       "Andersen", "Novák",      "Dvořák",   "Okafor", "Mensah", "Haddad"},
      {"Emily", "Jessica", "Ashley", "Sarah", "Amanda", "Brittany", "Megan", "Hannah", "Łucja",
       "Zofia", "Thảo", "Linh", "Amélie", "Chloé", "Aisha", "Fatima", "Chiamaka", "Zeynep"},
      {"Michael", "Christopher", "Matthew", "Joshua", "David", "James", "Daniel", "Kwame", "Tomasz",
       "Minh", "Jürgen", "François", "Omar", "Emre"},
      {"Olivia", "Emma", "Ava", "Mia", "Harper", "Lily", "Zoë", "Maja", "Hà", "Chloé", "Amara",
       "Elif", "Noémie", "Ada"},
      {"Liam", "Noah", "Oliver", "Elijah", "Lucas", "Henry", "Jakub", "Bảo", "Théo", "Kofi",
       "Yusuf", "Felix", "Søren", "Arlo"}};
  return pool;
}

}  // namespace securebase::demo
