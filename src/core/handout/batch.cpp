#include "securebase/handout/batch.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "securebase/core/error.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/file_names.h"
#include "securebase/handout/personal_inputs.h"
#include "securebase/pdf/render.h"
#include "securebase/service/visits.h"
#include "securebase/store/database.h"

namespace securebase::handout {

namespace {

constexpr const char* kHandoutId = "infant-attachment";

class FormCache {
 public:
  FormCache(store::Store& store, const forms::FormCatalog& catalog)
      : store_(store), catalog_(catalog) {}
  const forms::Form& get(const std::string& id, int version) {
    auto key = std::make_pair(id, version);
    auto it = forms_.find(key);
    if (it == forms_.end())
      it = forms_.emplace(key, service::formFor(store_, catalog_, id, version)).first;
    return it->second;
  }

 private:
  store::Store& store_;
  const forms::FormCatalog& catalog_;
  std::map<std::pair<std::string, int>, forms::Form> forms_;
};

}  // namespace

namespace {

// One family's handout, read from the store and waiting to be made and written.
struct Job {
  std::size_t index = 0;
  const HandoutContent* content = nullptr;
  PersonalInputs inputs;
  std::filesystem::path path;
};

// Families are read on the calling thread (the store is not shared between threads) and made
// into PDFs on up to two others; a short queue keeps memory bounded.
class JobQueue {
 public:
  // False when the batch has stopped (a worker failed).
  bool push(Job job) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || jobs_.size() < kCapacity; });
    if (stopped_) return false;
    jobs_.push_back(std::move(job));
    changed_.notify_all();
    return true;
  }
  // Nothing when the queue is closed and empty, or the batch has stopped.
  std::optional<Job> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || closed_ || !jobs_.empty(); });
    if (stopped_ || jobs_.empty()) return std::nullopt;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    changed_.notify_all();
    return job;
  }
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  void stop(std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
    stopped_ = true;
    changed_.notify_all();
  }
  std::exception_ptr error() {
    const std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  static constexpr std::size_t kCapacity = 8;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;
  bool closed_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

// One read transaction over a group of families: SQLite otherwise takes and drops its locks
// and looks at the write-ahead log for every query (a dozen system calls a family). Nothing
// else runs inside it (no progress callback, which may let the window save a draft).
class ReadTransaction {
 public:
  explicit ReadTransaction(store::Database& db) : db_(db) { db_.exec("BEGIN"); }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction() {
    try {
      db_.exec("COMMIT");  // nothing was written: this only ends the read
    } catch (...) {
    }
  }

 private:
  store::Database& db_;
};

// One family as read for the batch: its handout's inputs, or none when it has nothing to
// personalise from.
struct ReadFamily {
  model::Id id = 0;
  std::string file_name;
  std::optional<PersonalInputs> inputs;
};

}  // namespace

BatchResult writeFamilyHandouts(store::Store& store, const forms::FormCatalog& catalog,
                                const std::vector<model::Id>& family_ids,
                                const std::filesystem::path& out_dir, const BatchOptions& options,
                                const BatchProgress& progress) {
  if (!std::filesystem::is_directory(out_dir))
    throwOutput("the output folder " + out_dir.string() + " does not exist");
  HandoutBasics basics;
  basics.paper = options.paper.value_or(paperFromSettings(store));
  basics.clinic = clinicFromSettings(store);
  basics.printed_on = model::Date::today();
  const CounselorContact default_counselor = counselorFromSettings(store);
  const FamilyNames names = familyNamesSetting(store);
  std::map<model::Id, CounselorContact> counselors;
  for (const model::Counselor& row : store.counselors())
    counselors[row.id] = {row.name, row.phone, row.email};
  std::map<model::Language, HandoutContent> contents;
  const auto contentFor = [&](model::Language language) -> const HandoutContent& {
    auto it = contents.find(language);
    if (it == contents.end())
      it = contents.emplace(language, loadHandoutContent(kHandoutId, language)).first;
    return it->second;
  };
  FormCache forms(store, catalog);

  // Making a PDF is most of a handout's cost: two threads when the machine has two cores. The
  // files are written as they come and made durable in groups (pdf::FileBatchWriter).
  pdf::FileBatchWriter files;
  std::vector<std::optional<std::filesystem::path>> written(family_ids.size());
  JobQueue queue;
  const unsigned cores = std::thread::hardware_concurrency();
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::clamp(cores, 1u, 2u); ++w)
    workers.emplace_back([&] {
      while (std::optional<Job> job = queue.pop()) {
        try {
          const pdf::Document document = buildPersonalisedHandout(*job->content, job->inputs);
          files.add(job->path, renderHandout(document, options.copies).bytes);
          written[job->index] = job->path;
        } catch (...) {
          queue.stop(std::current_exception());
        }
      }
    });
  const auto joinWorkers = [&] {
    for (std::thread& worker : workers) worker.join();
    workers.clear();
  };

  const auto readFamily = [&](model::Id id) {
    // The visit rows alone: only the visit the handout is made from is read whole.
    const store::FamilyRecord family = store.loadFamily(id, store::Store::VisitDetail::rows_only);
    ReadFamily read{family.family.id,
                    documentFileName("handout", family.family, basics.printed_on, names),
                    std::nullopt};
    for (auto row = family.visits.rbegin(); row != family.visits.rend() && !read.inputs; ++row) {
      if (row->outcome != model::VisitOutcome::completed || !row->isCurrent()) continue;
      const model::Visit visit = store.visit(row->id);
      if (visit.sets.empty()) continue;
      CounselorContact counselor = default_counselor;
      if (visit.counselor_id && counselors.count(*visit.counselor_id))
        counselor = counselors[*visit.counselor_id];
      try {
        read.inputs =
            personalInputsFrom(family, visit, forms.get(visit.form_id, visit.form_version),
                               counselor, basics, options.language);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::bad_input) throw;
      }
    }
    return read;
  };

  // Families are read a group at a time (kGroup) in one read transaction, then reported and
  // queued one by one outside it.
  constexpr std::size_t kGroup = 64;
  BatchResult result;
  try {
    std::vector<ReadFamily> group;
    bool stop = false;
    for (std::size_t start = 0; start < family_ids.size() && !stop; start += kGroup) {
      const std::size_t end = std::min(start + kGroup, family_ids.size());
      group.clear();
      {
        const ReadTransaction reading(store.database());
        for (std::size_t n = start; n < end; ++n) group.push_back(readFamily(family_ids[n]));
      }
      for (std::size_t n = start; n < end && !stop; ++n) {
        if (progress && !progress(n + 1, family_ids.size())) {
          result.cancelled = true;
          stop = true;
          break;
        }
        ReadFamily& family = group[n - start];
        if (!family.inputs) {
          result.skipped.push_back({family.id, "no completed visit with rated practices"});
          continue;
        }
        const HandoutContent& content = contentFor(family.inputs->basics.language);
        stop = !queue.push(
            {n, &content, std::move(*family.inputs), out_dir / std::move(family.file_name)});
      }
    }
  } catch (...) {
    queue.stop(std::current_exception());
  }
  queue.close();
  joinWorkers();
  if (const std::exception_ptr error = queue.error()) std::rethrow_exception(error);
  files.finish();
  for (auto& path : written)
    if (path) result.written.push_back(std::move(*path));
  return result;
}

}  // namespace securebase::handout
